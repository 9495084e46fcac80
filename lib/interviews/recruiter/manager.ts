/** A signed-in member acting on their organisation's interviews: the organisation scopes every change. */
export interface Manager {
  userId: string;
  organizationId: string;
}
