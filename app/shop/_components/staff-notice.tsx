import { EyeIcon } from "lucide-react";

/** Impersonation must never be silent: whoever opened the shop on a buyer's behalf sees it on every visit. */
export function StaffNotice({
  viewingAs,
  staffName,
  reason,
  minutesLeft,
}: {
  viewingAs: string;
  staffName: string;
  reason: string | null;
  /** Set for a session that impersonates a person, which ends after a short, fixed time. */
  minutesLeft: number | null;
}) {
  return (
    <div role="status" className="border-b border-amber-200 bg-amber-50">
      <div className="mx-auto flex w-full max-w-5xl items-start gap-3 px-4 py-3 text-sm text-amber-950 md:px-6">
        <EyeIcon className="mt-0.5 size-4 shrink-0 text-amber-700" aria-hidden />
        <div>
          <p className="font-medium">
            You are viewing the shop as {viewingAs}, opened by {staffName}
          </p>
          {reason && <p className="mt-0.5 text-amber-900/80">Reason: {reason}</p>}
          {minutesLeft !== null && (
            <p className="mt-0.5 text-amber-900/80">
              This session ends in {minutesLeft === 1 ? "1 minute" : `${minutesLeft} minutes`}; open the link again to continue.
            </p>
          )}
        </div>
      </div>
    </div>
  );
}
