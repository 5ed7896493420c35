"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { PlusIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { useForm, type Path, type Resolver } from "react-hook-form";
import { ShownOnceLink } from "@/app/(admin)/settings/staff/_components/shown-once-link";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { DoneDialogStep, FormDialogStep, ResultDialog, useResultDialog } from "@/components/ui/dialog-steps";
import { FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { FormCheckboxField, FormTextField } from "@/components/ui/form-fields";
import { toast } from "@/components/ui/sonner";
import { toastActionErrors } from "@/components/actions/toast-action-errors";
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
  const defaults: Values = staff
    ? { id: staff.id, email: staff.email, name: staff.name, roles: staff.roles, viewer: staff.viewer, administrator: staff.administrator }
    : { email: "", name: "", roles: [], viewer: false, administrator: false };
  const form = useForm<Values>({
    resolver: (staff ? zodResolver(updateStaffSchema) : zodResolver(inviteStaffSchema)) as Resolver<Values>,
    defaultValues: defaults,
  });

  const dialog = useResultDialog<string>(() => form.reset(defaults));
  const link = dialog.result;

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
        dialog.onOpenChange(false);
        router.refresh();
        return;
      }
      toastActionErrors(result, form.setError, FIELDS, "Nothing was saved");
      return;
    }
    const result = await inviteStaffAction(values);
    if (result?.data) {
      dialog.setResult(result.data.link);
      router.refresh();
      return;
    }
    toastActionErrors(result, form.setError, FIELDS, "Nobody was invited");
  }

  return (
    <ResultDialog
      state={dialog}
      className="sm:max-w-lg"
      trigger={
        trigger ?? (
          <Button>
            <PlusIcon aria-hidden />
            Invite staff member
          </Button>
        )
      }
    >
      {link ? (
        <DoneDialogStep title="Send the invitation link" description={`${form.getValues("name")} chooses a password with this link, then signs in.`}>
          <ShownOnceLink link={link} />
        </DoneDialogStep>
      ) : (
        <FormDialogStep
          form={form}
          onSubmit={onSubmit}
          title={staff ? `Edit ${staff.name}` : "Invite a staff member"}
          description={staff ? "Changes apply to their next request, in every session." : "They get a link to choose their own password; you never see it."}
          submitLabel={staff ? "Save" : "Invite"}
        >
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
          <FormCheckboxField control={form.control} name="viewer" label="Viewer (read-only)" description="Sees what their roles allow but changes nothing." />
          <FormCheckboxField
            control={form.control}
            name="administrator"
            label="Administrator"
            description="Manages staff: invites, changes, deactivates, resets passwords."
          />
        </FormDialogStep>
      )}
    </ResultDialog>
  );
}
