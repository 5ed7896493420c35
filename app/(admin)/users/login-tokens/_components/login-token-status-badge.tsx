import { Badge, type BadgeProps } from "@/components/ui/badge";
import { STATUS_LABELS, type LoginTokenStatus } from "@/lib/login-tokens/status";

const STATUS_VARIANTS: Record<LoginTokenStatus, BadgeProps["variant"]> = {
  ACTIVE: "success",
  EXPIRED: "muted",
  USED: "secondary",
  LOCKED: "destructive",
  DELETED: "muted",
};

export function LoginTokenStatusBadge({ status }: { status: LoginTokenStatus }) {
  return <Badge variant={STATUS_VARIANTS[status]}>{STATUS_LABELS[status]}</Badge>;
}
