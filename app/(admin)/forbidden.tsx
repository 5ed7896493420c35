import { ForbiddenNotice } from "@/app/forbidden";

// Inside the shell, so that the person can go on to the pages they may see.
export default function AdminForbidden() {
  return (
    <div className="flex min-h-[60svh] items-center justify-center">
      <ForbiddenNotice />
    </div>
  );
}
