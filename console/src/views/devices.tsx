import { ConsoleDevicesDocument } from "../__generated__/operations.js";
import { ChartPanel } from "../components/chart-panel.js";
import { Loaded } from "../components/state.js";
import { downloadCsv } from "../download.js";
import { useQuery } from "../hooks.js";

const DEVICE_COLOR = "#2f7f9f";

/** The groupings of /export/devices.csv (GraphQL DeviceDiscriminator). */
type DeviceDiscriminator = "OS" | "CLIENT" | "IS_MANAGED" | "LOCALE";

const devicesExport = (organizationId: string, discriminator: DeviceDiscriminator) =>
  downloadCsv([{ path: "/export/devices.csv", params: { discriminator, organization: organizationId } }]);

/** Registered, not wiped devices by OS, client, managed flag and locale. */
export function DevicesSection({ organizationId }: { organizationId: string }) {
  const devices = useQuery(ConsoleDevicesDocument, { organizationId });
  return (
    <section aria-labelledby="devices-heading">
      <h3 className="section-title" id="devices-heading">
        Devices
      </h3>
      <Loaded value={devices} what="device statistics">
        {(data) => {
          const o = data.organization!;
          const one = (rows: readonly { label: string; total: number }[]) => ({
            categories: rows.map((row) => ({ key: row.label, label: row.label })),
            series: [{ key: "devices", name: "Devices", color: DEVICE_COLOR, values: rows.map((row) => row.total) }],
          });
          const managedKeys = [...new Set(o.managed.map((row) => `${row.client ?? "?"} on ${row.os ?? "?"}`))];
          const managedCount = (key: string, managed: boolean) =>
            o.managed
              .filter((row) => `${row.client ?? "?"} on ${row.os ?? "?"}` === key && row.isManaged === managed)
              .reduce((sum, row) => sum + row.total, 0);
          return (
            <div className="grid">
              <ChartPanel
                id="devices-os"
                title="Devices by operating system"
                categoryName="OS"
                kind="bar"
                horizontal
                {...one(o.os.map((row) => ({ label: row.os ?? "unknown", total: row.total })))}
                empty="No devices registered."
                download={() => devicesExport(organizationId, "OS")}
              />
              <ChartPanel
                id="devices-client"
                title="Devices by client"
                categoryName="Client"
                kind="bar"
                horizontal
                {...one(o.client.map((row) => ({ label: row.client ?? "unknown", total: row.total })))}
                empty="No devices registered."
                download={() => devicesExport(organizationId, "CLIENT")}
              />
              <ChartPanel
                id="devices-managed"
                title="Managed devices (MDM)"
                categoryName="Client and OS"
                kind="bar"
                horizontal
                categories={managedKeys.map((key) => ({ key, label: key }))}
                series={[
                  { key: "managed", name: "Managed", color: "#2e9e6a", values: managedKeys.map((key) => managedCount(key, true)) },
                  { key: "unmanaged", name: "Not managed", color: "#9aa7b4", values: managedKeys.map((key) => managedCount(key, false)) },
                ]}
                empty="No devices registered."
                download={() => devicesExport(organizationId, "IS_MANAGED")}
              />
              <ChartPanel
                id="devices-locale"
                title="Devices by locale"
                categoryName="Locale"
                kind="bar"
                horizontal
                {...one(o.locale.map((row) => ({ label: row.locale ?? "unknown", total: row.total })))}
                empty="No devices registered."
                download={() => devicesExport(organizationId, "LOCALE")}
              />
            </div>
          );
        }}
      </Loaded>
    </section>
  );
}
