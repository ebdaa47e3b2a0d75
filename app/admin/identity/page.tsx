import type { Metadata } from "next";
import { AdminPageHeader } from "@/components/admin/admin-page-header";
import { GroupMappingForm, RemoveGroupMappingButton } from "@/components/admin/group-mapping-forms";
import { IntegrationTokens } from "@/components/admin/integration-tokens";
import { Card, CardHeader, EmptyState } from "@/components/ui/card";
import { DataTable, ScrollRegion } from "@/components/ui/data-table";
import { formatDate } from "@/components/ui/format";
import { calloutClass } from "@/components/ui/tone";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/policy";
import { listGroupMappings } from "@/lib/data/admin/group-mappings";
import { listIntegrationTokens } from "@/lib/data/admin/integration-tokens";
import { listTeams } from "@/lib/data/admin/list-teams";
import { latestGrantExpiry } from "@/lib/data/admin/manage-access";
import { oidcSettings } from "@/lib/env";
import { groupGrants } from "@/lib/vocabulary/records";
import { teamRoles } from "@/lib/vocabulary/roles";

export const metadata: Metadata = { title: "Identity provider" };

export default async function IdentityPage() {
  const principal = await requirePagePermission("/admin/identity", (p) => can(p, "admin.manage", "org"));
  const [mappings, teams, tokens] = await Promise.all([listGroupMappings(principal), listTeams(principal), listIntegrationTokens(principal, "scim")]);
  const oidc = oidcSettings();
  return (
    <>
      <AdminPageHeader
        title="Identity provider"
        description="People and their roles from your identity provider: SCIM provisioning, and roles from the groups it puts people in. Roles given by hand on the Users page are never changed by a group."
      />
      <div className="space-y-6">
        <Card>
          <CardHeader
            title="Groups to roles"
            description="At each single sign-on, a user's roles from groups are made to match the groups the sign-in names: a role whose group they left is removed, and the roles of groups they joined are added. Where two groups give roles in one team, the role that may do more wins."
          />
          <p className={calloutClass(oidc?.groupsClaim ? "info" : "warning", "mx-5 mt-4 px-3 py-2")}>
            {oidc?.groupsClaim
              ? `Groups are read from the "${oidc.groupsClaim}" claim at each sign-in.`
              : oidc
                ? "Single sign-on is on, but AUTH_OIDC_GROUPS_CLAIM is not set: sign-ins name no groups, and these mappings give nothing until it is."
                : "Single sign-on is off (AUTH_OIDC_ISSUER and its client are not set): these mappings take effect once it is on and AUTH_OIDC_GROUPS_CLAIM names the groups claim."}
          </p>
          {mappings.length ? (
            <ScrollRegion label="Group mappings">
              <DataTable caption="Group mappings" columns={["Group", "Gives", "Actions"]}>
                {mappings.map((m) => (
                  <tr key={m.id}>
                    <td className="break-all px-5 py-3 font-mono text-xs">{m.groupName}</td>
                    <td className="px-3 py-3">
                      {m.grant === "team_role" && m.team && m.role
                        ? `${teamRoles.label(m.role)} of ${m.team.name}`
                        : m.grant === "org_auditor"
                          ? `Org-wide auditor access until ${formatDate(m.until)}`
                          : groupGrants.label(m.grant)}
                    </td>
                    <td className="px-5 py-3">
                      <RemoveGroupMappingButton mappingId={m.id} label={m.groupName} />
                    </td>
                  </tr>
                ))}
              </DataTable>
            </ScrollRegion>
          ) : (
            <EmptyState title="No groups mapped">
              Map a group below: its members the identity provider has named get the role at once, the others at their next sign-in.
            </EmptyState>
          )}
          <div className="border-t border-line-soft">
            <GroupMappingForm teams={teams.map((t) => ({ id: t.id, name: t.name }))} latestUntil={latestGrantExpiry()} />
          </div>
        </Card>
        <IntegrationTokens
          purpose="scim"
          title="SCIM provisioning tokens"
          description="For your identity provider's SCIM 2.0 client (Okta, Microsoft Entra ID): it creates, updates, deactivates and deletes users at /scim/v2, and its groups give roles through the mappings above. Organisation-wide, good for SCIM only."
          usage="In the identity provider, set the SCIM base URL to <this address>/scim/v2 and the authentication to this bearer token (HTTP header). userName must be the user's email address."
          tokens={tokens}
        />
      </div>
    </>
  );
}
