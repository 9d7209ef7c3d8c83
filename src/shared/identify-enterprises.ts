// sysObjectID → vendor. A sysObjectID is 1.3.6.1.4.1.<enterprise>.…, the enterprise being the vendor's IANA Private
// Enterprise Number (registry: https://www.iana.org/assignments/enterprise-numbers/). We could not read the registry
// itself from this workplace, so each number says where we saw it used by that vendor's devices; numbers we only
// know from memory are marked `verified: false` and shown as "unverified", never used alone to pick a profile.
// Pure data: no Node, no DOM.

export interface EnterpriseSource {
  title: string;
  url: string | null;
  vendorDoc: boolean;
}

export interface EnterpriseEntry {
  enterprise: number;
  vendor: string;
  /** Profile file ids (resources/printers) of this vendor. */
  fileIds: string[];
  /** True when a public recording of a real device shows this number with this vendor's product. */
  verified: boolean;
  /** Marks a general-purpose agent (e.g. Net-SNMP on a PC): the device is not a printer by this number alone. */
  generic?: boolean;
  sources: EnterpriseSource[];
}

export const IANA_PEN_REGISTRY: EnterpriseSource = {
  title:
    'IANA Private Enterprise Numbers registry (the authority; not readable from this workplace, read 2026-12-02: unavailable)',
  url: 'https://www.iana.org/assignments/enterprise-numbers/',
  vendorDoc: false,
};

const librenms = (file: string, seen: string): EnterpriseSource => ({
  title: `LibreNMS test recording ${file}: ${seen} (read 2026-12-02)`,
  url: `https://github.com/librenms/librenms/blob/master/tests/snmpsim/${file}`,
  vendorDoc: false,
});

/** Enterprise numbers of MFP vendors (and of agents that are not printers). */
export const ENTERPRISES: readonly EnterpriseEntry[] = [
  {
    enterprise: 11,
    vendor: 'HP',
    fileIds: ['hp'],
    verified: true,
    sources: [
      IANA_PEN_REGISTRY,
      librenms('jetdirect.snmprec', 'HP JetDirect sysObjectID 1.3.6.1.4.1.11.2.3.9.1'),
    ],
  },
  {
    enterprise: 253,
    vendor: 'Xerox',
    fileIds: ['xerox'],
    verified: true,
    sources: [
      IANA_PEN_REGISTRY,
      librenms('xerox.snmprec', 'Xerox AltaLink C8045 sysObjectID 1.3.6.1.4.1.253.8.62.1.35.2.3.1.1'),
    ],
  },
  {
    enterprise: 367,
    vendor: 'Ricoh',
    fileIds: ['ricoh'],
    verified: true,
    sources: [IANA_PEN_REGISTRY, librenms('ricoh.snmprec', 'RICOH MP 3053 sysObjectID 1.3.6.1.4.1.367.1.1')],
  },
  {
    enterprise: 1129,
    vendor: 'Toshiba',
    fileIds: ['toshiba'],
    verified: true,
    sources: [
      IANA_PEN_REGISTRY,
      {
        title:
          'LibreNMS OS definition toshiba-printer.yaml: sysObjectID prefix .1.3.6.1.4.1.1129.1.2. (read 2026-12-02)',
        url: 'https://github.com/librenms/librenms/blob/master/includes/definitions/toshiba-printer.yaml',
        vendorDoc: false,
      },
    ],
  },
  {
    enterprise: 1347,
    vendor: 'Kyocera',
    fileIds: ['kyocera'],
    verified: true,
    sources: [
      IANA_PEN_REGISTRY,
      librenms(
        'kyocera.snmprec',
        'KYOCERA Document Solutions Printing System, sysObjectID 1.3.6.1.4.1.1347.41',
      ),
    ],
  },
  {
    enterprise: 2385,
    vendor: 'Sharp',
    fileIds: ['sharp'],
    verified: true,
    sources: [
      IANA_PEN_REGISTRY,
      librenms('sharp.snmprec', 'SHARP MX-3570N sysObjectID 1.3.6.1.4.1.2385.3.1.112.1.2'),
    ],
  },
  {
    enterprise: 2435,
    vendor: 'Brother',
    fileIds: ['brother'],
    verified: true,
    sources: [
      IANA_PEN_REGISTRY,
      librenms('brother.snmprec', 'Brother NC-8300h (MFC-L2710DW) sysObjectID 1.3.6.1.4.1.2435.2.3.9.1'),
    ],
  },
  // From memory only (no public recording read in this session): shown as unverified.
  { enterprise: 1602, vendor: 'Canon', fileIds: ['canon'], verified: false, sources: [IANA_PEN_REGISTRY] },
  {
    enterprise: 18334,
    vendor: 'Konica Minolta',
    fileIds: ['konica-minolta'],
    verified: false,
    sources: [IANA_PEN_REGISTRY],
  },
  { enterprise: 1248, vendor: 'Epson', fileIds: ['epson'], verified: false, sources: [IANA_PEN_REGISTRY] },
  { enterprise: 641, vendor: 'Lexmark', fileIds: ['lexmark'], verified: false, sources: [IANA_PEN_REGISTRY] },
  {
    enterprise: 297,
    vendor: 'FUJIFILM Business Innovation (Fuji Xerox)',
    fileIds: ['fujifilm-bi'],
    verified: false,
    sources: [IANA_PEN_REGISTRY],
  },
  // Net-SNMP's own agent (Linux/BSD PCs, NAS, routers): checked against Debian's snmpd by the integration tests.
  {
    enterprise: 8072,
    vendor: 'Net-SNMP agent (a computer, not a printer)',
    fileIds: [],
    verified: true,
    generic: true,
    sources: [IANA_PEN_REGISTRY],
  },
];

const SYS_OBJECT_ID = /^\.?1\.3\.6\.1\.4\.1\.(\d{1,10})(?:\.|$)/;

/** The enterprise number of a sysObjectID (`1.3.6.1.4.1.367.1.1` → 367), or null when it is not under enterprises. */
export function enterpriseOf(sysObjectID: string): number | null {
  const m = SYS_OBJECT_ID.exec(sysObjectID.trim());
  return m?.[1] ? Number(m[1]) : null;
}

export function enterpriseEntry(enterprise: number): EnterpriseEntry | null {
  return ENTERPRISES.find((e) => e.enterprise === enterprise) ?? null;
}
