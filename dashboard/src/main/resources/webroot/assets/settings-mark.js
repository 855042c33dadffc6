// "Thresholds changed at HH:MM by X": the latest mark among shortage statuses computed under a threshold an
// administrator set (ShortageStatus.settings, docs/SETTINGS.md "What is marked"); null when all are under defaults.
import { t, tOr } from './i18n.js';
import { timeOnly } from './dom.js';

export function latestMark(statuses) {
  let latest = null;
  for (const s of statuses) {
    const m = s && s.settings;
    if (m && m.changedAt && (!latest || m.changedAt > latest.mark.changedAt)) latest = { mark: m, commodity: s.commodity };
  }
  return latest;
}

/** Shows the mark in node (hidden when there is none). */
export function showMark(node, statuses) {
  if (!node) return;
  const latest = latestMark(statuses);
  node.hidden = !latest;
  if (!latest) {
    node.textContent = '';
    return;
  }
  node.dataset.setting = latest.mark.setting;
  node.textContent = t('settings.mark', {
    time: timeOnly(latest.mark.changedAt),
    by: latest.mark.changedBy,
    commodity: tOr(`commodity.${latest.commodity}`, latest.commodity),
  });
}
