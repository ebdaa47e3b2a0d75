import type { Metadata } from "next";
import { AdminPageHeader } from "@/components/admin/admin-page-header";
import { MapOwnerForm, UnmapOwnerButton } from "@/components/admin/catalog-forms";
import { ImportForm } from "@/components/admin/import-form";
import { IntegrationTokens } from "@/components/admin/integration-tokens";
import { Card, CardHeader, EmptyState } from "@/components/ui/card";
import { DataTable, ScrollRegion } from "@/components/ui/data-table";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/policy";
import { SERVICE_ANNOTATION, TIER_ANNOTATION } from "@/lib/catalog/desired";
import { CSV_COLUMNS } from "@/lib/catalog/csv";
import { listIntegrationTokens } from "@/lib/data/admin/integration-tokens";
import { listTeams } from "@/lib/data/admin/list-teams";
import { listOwnerMappings } from "@/lib/data/catalog/owners";

export const metadata: Metadata = { title: "Catalogue and import" };

const code = "font-mono text-xs";

export default async function CatalogPage() {
  const principal = await requirePagePermission("/admin/catalog", (p) => can(p, "admin.manage", "org"));
  const [owners, teams, tokens] = await Promise.all([listOwnerMappings(principal), listTeams(principal), listIntegrationTokens(principal, "catalog")]);
  return (
    <>
      <AdminPageHeader
        title="Catalogue and import"
        description="Bring in services from a Backstage catalogue or a spreadsheet. Every import is previewed first, then applied all at once or not at all, and recorded in the audit trail."
      />
      <div className="space-y-6">
        <Card>
          <CardHeader
            title="Sync from a Backstage catalogue"
            description="The files you upload are the whole catalogue: components become services under the team that answers for their owner, a later sync updates them in place, and a service whose entity is gone is marked missing, never deleted. Services made by hand are never touched."
          />
          <ImportForm mode="catalog" label="Catalogue files" accept=".yaml,.yml" multiple />
          <div className="space-y-1 border-t border-line-soft px-5 py-4 text-sm text-muted">
            <p>
              The tier comes from the annotation <code className={code}>{TIER_ANNOTATION}</code> (critical, high, medium or low); without it, a new service is
              medium, or low when its lifecycle is experimental, and an existing one keeps its tier. A component claims a service made by hand in its team with{" "}
              <code className={code}>{SERVICE_ANNOTATION}: &lt;its address&gt;</code>.
            </p>
            <p>
              Try it with the demo catalogue: the folder <code className={code}>public/examples/catalog</code> of the Twelvefold checkout.
            </p>
          </div>
        </Card>
        <Card>
          <CardHeader
            title="Import services from a CSV file"
            description="One service per row. A row matches a service of the team by name and updates it; an empty cell keeps what the service has. Catalogue services are changed in the catalogue, not here."
          />
          <ImportForm mode="csv" label="CSV file" accept=".csv,text/csv" multiple={false} />
          <p className="border-t border-line-soft px-5 py-4 text-sm text-muted">
            Columns: <code className={code}>{CSV_COLUMNS.join(", ")}</code>.{" "}
            <a href="/admin/catalog/template" className="font-medium text-link underline">
              Download the template
            </a>{" "}
            or{" "}
            <a href="/examples/services.csv" className="font-medium text-link underline">
              the demo&apos;s example
            </a>
            .
          </p>
        </Card>
        <Card>
          <CardHeader
            title="Catalogue owners"
            description="Which team answers for each owner in the catalogue. An owner with no mapping is found by name (group:default/payments and the team whose address is payments); a component whose owner is neither is refused."
          />
          {owners.length ? (
            <ScrollRegion label="Catalogue owners and their teams">
              <DataTable caption="Catalogue owners and their teams" columns={["Owner", "Team", "Actions"]}>
                {owners.map((owner) => (
                  <tr key={owner.ownerRef}>
                    <td className="break-all px-5 py-3 font-mono text-xs">{owner.ownerRef}</td>
                    <td className="px-3 py-3">{owner.team.name}</td>
                    <td className="px-5 py-3">
                      <UnmapOwnerButton ownerRef={owner.ownerRef} />
                    </td>
                  </tr>
                ))}
              </DataTable>
            </ScrollRegion>
          ) : (
            <EmptyState title="No owners mapped">Owners are found by name until you map them.</EmptyState>
          )}
          <div className="border-t border-line-soft">
            <MapOwnerForm teams={teams.map((t) => ({ id: t.id, name: t.name }))} />
          </div>
        </Card>
        <IntegrationTokens
          purpose="catalog"
          title="Catalogue sync tokens"
          description="For the command line (twelvefold catalog sync) and POST /api/v1/catalog: organisation-wide, good for the catalogue sync only."
          usage="Set it as TWELVEFOLD_CATALOG_TOKEN where the sync runs, then: npx twelvefold catalog sync <folder> --url <this address>"
          tokens={tokens}
        />
      </div>
    </>
  );
}
