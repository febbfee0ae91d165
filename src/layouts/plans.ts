// Which Logz.io plan tiers a page's `flags.logzio-plan` includes, for the plan box and search filters.

export const TIERS = ["community", "pro", "enterprise"] as const;
export type Tier = (typeof TIERS)[number];

export const TIER_LABELS: Record<Tier, string> = {
  community: "Community",
  pro: "Pro",
  enterprise: "Enterprise",
};

export interface PlanTier {
  tier: Tier;
  label: string;
  included: boolean;
}

function isTier(word: string): word is Tier {
  return (TIERS as readonly string[]).includes(word);
}

/**
 * The tiers a plan value includes. A single tier means "this tier and every higher one"
 * (`community` = all three, `pro` = Pro and Enterprise); a space-separated list means exactly
 * those tiers. Unknown words are ignored here: the front matter schema reports them.
 */
export function includedTiers(plan: string | undefined | null): Tier[] {
  const words = (plan ?? "").toLowerCase().split(/\s+/).filter(isTier);
  const unique = [...new Set(words)];
  if (unique.length === 0) return [];
  if (unique.length === 1) {
    const from = TIERS.indexOf(unique[0] as Tier);
    return TIERS.slice(from);
  }
  return TIERS.filter((t) => unique.includes(t));
}

/** Every tier in display order, each marked included or not; empty when the page names no plan. */
export function planBox(plan: string | undefined | null): PlanTier[] {
  const included = includedTiers(plan);
  if (included.length === 0) return [];
  return TIERS.map((tier) => ({ tier, label: TIER_LABELS[tier], included: included.includes(tier) }));
}
