import type { Permission } from "@/lib/auth/permissions";

export interface NavItem {
  href: string;
  label: string;
  permission?: Permission;
}

export const NAV_ITEMS: NavItem[] = [
  { href: "/admin", label: "Dashboard" },
  { href: "/admin/stories", label: "Stories" },
  { href: "/admin/review", label: "Review queue", permission: "review.queue" },
  { href: "/admin/trash", label: "Trash" },
  { href: "/admin/media", label: "Media" },
  { href: "/admin/sections", label: "Sections", permission: "taxonomy.manage" },
  { href: "/admin/tags", label: "Tags", permission: "taxonomy.manage" },
  { href: "/admin/bylines", label: "Bylines", permission: "taxonomy.manage" },
  { href: "/admin/people", label: "People", permission: "people.manage" },
  { href: "/admin/pages", label: "Site pages", permission: "sitePage.edit" },
  { href: "/admin/settings", label: "Settings", permission: "settings.manage" },
  { href: "/admin/webhooks", label: "Webhooks", permission: "settings.manage" },
  { href: "/admin/audit", label: "Audit log", permission: "audit.view" },
  { href: "/admin/system", label: "System", permission: "settings.manage" },
];
