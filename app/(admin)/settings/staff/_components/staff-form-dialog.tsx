"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { PlusIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { useForm, type Path, type Resolver } from "react-hook-form";
import { ShownOnceLink } from "@/app/(admin)/settings/staff/_components/shown-once-link";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Form, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { FormCheckboxField, FormTextField } from "@/components/ui/form-fields";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { toast } from "@/components/ui/sonner";
import { applyActionErrors } from "@/lib/actions/action-form-errors";
import { inviteStaffAction, updateStaffAction } from "@/lib/staff/actions";
import type { StaffRow } from "@/lib/staff/queries";
import { inviteStaffSchema, STAFF_ROLE_LABELS, updateStaffSchema, type InviteStaffInput } from "@/lib/staff/schemas";

type Values = InviteStaffInput & { id?: string };
const FIELDS: Path<Values>[] = ["email", "name", "roles", "viewer", "administrator"];
const ROLES = Object.keys(STAFF_ROLE_LABELS) as (keyof typeof STAFF_ROLE_LABELS)[];

/**
 * Invite (no `staff`) or edit one staff member. An invitation ends with the
 * set-password link, shown once in this dialog.
 */
export function StaffFormDialog({ staff, trigger }: { staff?: StaffRow; trigger?: ReactNode }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [link, setLink] = useState<string | null>(null);
  const defaults: Values = staff
    ? { id: staff.id, email: staff.email, name: staff.name, roles: staff.roles, viewer: staff.viewer, administrator: staff.administrator }
    : { email: "", name: "", roles: [], viewer: false, administrator: false };
  const form = useForm<Values>({
    resolver: (staff ? zodResolver(updateStaffSchema) : zodResolver(inviteStaffSchema)) as Resolver<Values>,
    defaultValues: defaults,
  });

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) {
      setLink(null);
      form.reset(defaults);
    }
  }

  async function onSubmit(values: Values) {
    if (staff) {
      const result = await updateStaffAction({
        id: staff.id,
        name: values.name,
        roles: values.roles,
        viewer: values.viewer,
        administrator: values.administrator,
      });
      if (result?.data) {
        toast.success(`${values.name} saved`);
        onOpenChange(false);
        router.refresh();
        return;
      }
      const message = applyActionErrors(result, form.setError, FIELDS);
      if (message) toast.error("Nothing was saved", { description: message });
      return;
    }
    const result = await inviteStaffAction(values);
    if (result?.data) {
      setLink(result.data.link);
      router.refresh();
      return;
    }
    const message = applyActionErrors(result, form.setError, FIELDS);
    if (message) toast.error("Nobody was invited", { description: message });
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        {trigger ?? (
          <Button>
            <PlusIcon aria-hidden />
            Invite staff member
          </Button>
        )}
      </DialogTrigger>
      <DialogContent className="sm:max-w-lg" onInteractOutside={(event) => link && event.preventDefault()}>
        {link ? (
          <>
            <DialogHeader>
              <DialogTitle>Send the invitation link</DialogTitle>
              <DialogDescription>{form.getValues("name")} chooses a password with this link, then signs in.</DialogDescription>
            </DialogHeader>
            <ShownOnceLink link={link} />
            <DialogFooter>
              <Button onClick={() => onOpenChange(false)}>Done</Button>
            </DialogFooter>
          </>
        ) : (
          <Form {...form}>
            <form noValidate onSubmit={form.handleSubmit(onSubmit)} className="grid gap-4">
              <DialogHeader>
                <DialogTitle>{staff ? `Edit ${staff.name}` : "Invite a staff member"}</DialogTitle>
                <DialogDescription>
                  {staff ? "Changes apply to their next request, in every session." : "They get a link to choose their own password; you never see it."}
                </DialogDescription>
              </DialogHeader>
              <div className="grid gap-4 sm:grid-cols-2">
                <FormTextField control={form.control} name="name" label="Name" autoComplete="off" autoFocus maxLength={100} />
                <FormTextField
                  control={form.control}
                  name="email"
                  label="Email"
                  type="email"
                  autoComplete="off"
                  spellCheck={false}
                  readOnly={!!staff}
                  maxLength={254}
                />
              </div>
              <FormField
                control={form.control}
                name="roles"
                render={({ field }) => (
                  <FormItem>
                    <FormLabel>Roles</FormLabel>
                    <div className="flex flex-wrap gap-x-5 gap-y-2">
                      {ROLES.map((role) => (
                        <label key={role} className="flex items-center gap-2 text-sm">
                          <Checkbox
                            checked={field.value.includes(role)}
                            onCheckedChange={(checked) => field.onChange(checked === true ? [...field.value, role] : field.value.filter((r) => r !== role))}
                          />
                          {STAFF_ROLE_LABELS[role]}
                        </label>
                      ))}
                    </div>
                    <FormMessage />
                  </FormItem>
                )}
              />
              <FormCheckboxField
                control={form.control}
                name="viewer"
                label="Viewer (read-only)"
                description="Sees what their roles allow but changes nothing."
              />
              <FormCheckboxField
                control={form.control}
                name="administrator"
                label="Administrator"
                description="Manages staff: invites, changes, deactivates, resets passwords."
              />
              <FormDialogFooter submitLabel={staff ? "Save" : "Invite"} pending={form.formState.isSubmitting} onCancel={() => onOpenChange(false)} />
            </form>
          </Form>
        )}
      </DialogContent>
    </Dialog>
  );
}
