import { useSession } from "../auth/api.ts";

/** Whether the signed-in user holds a permission (the API checks again; this only shapes the screen). */
export function useCan(): (permission: string) => boolean {
  const session = useSession();
  const permissions = session.data?.user?.permissions ?? {};
  return (permission) => permission in permissions;
}
