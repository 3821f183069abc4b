/** A user known to both the htpasswd file and the token server. */
export interface RigUser {
  username: string;
  password: string;
  /** Actions the token server grants on any repository; `*` matches every action. */
  actions: readonly string[];
}

/** RIG-NOTES §1: alice may do everything, bob may only pull. */
export const RIG_USERS: readonly RigUser[] = [
  { username: 'alice', password: 'secret123', actions: ['pull', 'push', 'delete', '*'] },
  { username: 'bob', password: 'hunter2', actions: ['pull'] },
];
