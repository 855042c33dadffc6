package org.warroom.dashboard.bulletin;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.warroom.contracts.reference.District;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.contracts.reference.State;
import org.warroom.contracts.reference.StateDirectory;
import org.warroom.contracts.result.BacklogStatus;
import org.warroom.contracts.result.DistributionBucket;
import org.warroom.contracts.result.LineLoad;
import org.warroom.contracts.result.ShortageLevel;
import org.warroom.contracts.result.ShortageStatus;
import org.warroom.contracts.result.WorkerTotals;
import org.warroom.dashboard.live.LiveChannel;
import org.warroom.dashboard.live.LiveState;
import org.warroom.dashboard.query.ComplaintsToday;

/**
 * Builds the public bulletin (docs/BULLETIN.md) from the live state: aggregates only, by an allow-list of fields —
 * every value written here is a code, a status, a reference name, a share, or a count passed through
 * {@link SmallCounts}. Nothing of an event (no id, phone, name, note or message text) is read, so nothing of one can
 * leak. Pure: the same inputs give the same bulletin.
 *
 * <p>States: every state with a district map, and every state with a district that has figures; each lists all its
 * districts. A district's {@code status} is its worst reported commodity status ({@code none}: no report).
 */
public final class BulletinBuilder {
    /** No report of any commodity (a commodity known from citizen messages alone reads "none" too). */
    static final String NO_REPORT = "none";

    private final DistrictDirectory districts;
    private final StateDirectory states;
    private final Set<String> mappedStates;
    private final SmallCounts counts;

    public BulletinBuilder(DistrictDirectory districts, StateDirectory states, Set<String> mappedStates,
                           SmallCounts counts) {
        this.districts = districts;
        this.states = states;
        this.mappedStates = Set.copyOf(mappedStates);
        this.counts = counts;
    }

    /**
     * The bulletin as a JSON-ready map.
     *
     * @param complaintsToday today's complaints per district; empty when they cannot be counted now (then the
     *                        bulletin says so: {@code registeredToday}/{@code resolvedToday} are null)
     */
    public Map<String, Object> build(LiveState live, Optional<Map<String, ComplaintsToday.Counts>> complaintsToday,
                                     OffsetDateTime now, long refreshSeconds) {
        Map<String, List<ShortageStatus>> shortages = new HashMap<>();
        for (ShortageStatus s : live.records(LiveChannel.SHORTAGES, ShortageStatus.class)) {
            shortages.computeIfAbsent(s.district(), d -> new ArrayList<>()).add(s);
        }
        Map<String, Long> open = new HashMap<>();
        for (BacklogStatus b : live.records(LiveChannel.BACKLOGS, BacklogStatus.class)) {
            open.merge(b.district(), (long) b.open(), Long::sum);
        }
        Map<String, Long> workers = new HashMap<>();
        for (DistributionBucket b : live.records(LiveChannel.WORKER_DISTRIBUTION, DistributionBucket.class)) {
            if (DistributionBucket.BY_CURRENT_DISTRICT.equals(b.by())) {
                workers.merge(b.key(), b.count(), Long::sum);
            }
        }
        Map<String, ComplaintsToday.Counts> today = complaintsToday.orElse(Map.of());

        Set<String> stateCodes = new TreeSet<>(mappedStates);
        for (Set<String> withFigures : List.of(shortages.keySet(), open.keySet(), today.keySet())) {
            withFigures.forEach(code -> districts.byCode(code).ifPresent(d -> stateCodes.add(d.stateCode())));
        }
        List<Map<String, Object>> stateItems = new ArrayList<>();
        long[] all = new long[3];
        for (String stateCode : stateCodes) {
            long[] inState = new long[3];
            List<Map<String, Object>> districtItems = new ArrayList<>();
            for (District d : districts.inState(stateCode).stream().sorted(Comparator.comparing(District::name)).toList()) {
                ComplaintsToday.Counts c = today.getOrDefault(d.code(), new ComplaintsToday.Counts(0, 0));
                long openHere = open.getOrDefault(d.code(), 0L);
                inState[0] += c.registered();
                inState[1] += c.resolved();
                inState[2] += openHere;
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("code", d.code());
                item.put("name", d.name());
                item.put("nameHi", d.nameHi());
                List<ShortageStatus> here = shortages.getOrDefault(d.code(), List.of());
                item.put("status", worst(here));
                item.put("commodities", commodities(here));
                item.put("complaints", complaints(complaintsToday.isPresent(), c.registered(), c.resolved(), openHere));
                item.put("workers", counts.shown(workers.getOrDefault(d.code(), 0L)));
                districtItems.add(item);
            }
            for (int i = 0; i < 3; i++) {
                all[i] += inState[i];
            }
            Optional<State> state = states.byCode(stateCode);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("code", stateCode);
            item.put("name", state.map(State::name).orElse(stateCode));
            item.put("nameHi", state.map(State::nameHi).orElse(""));
            item.put("onMap", mappedStates.contains(stateCode));
            item.put("complaints", complaints(complaintsToday.isPresent(), inState[0], inState[1], inState[2]));
            item.put("districts", districtItems);
            stateItems.add(item);
        }

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("updatedAt", now);
        out.put("refreshSeconds", refreshSeconds);
        out.put("floor", counts.floor());
        out.put("complaints", complaints(complaintsToday.isPresent(), all[0], all[1], all[2]));
        out.put("helplines", helplines(live));
        out.put("registry", registry(live));
        out.put("states", stateItems);
        return out;
    }

    private Map<String, Object> complaints(boolean known, long registered, long resolved, long open) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("registeredToday", known ? counts.shown(registered) : null);
        c.put("resolvedToday", known ? counts.shown(resolved) : null);
        c.put("open", counts.shown(open));
        return c;
    }

    private List<Map<String, Object>> helplines(LiveState live) {
        return live.records(LiveChannel.CALL_LOAD, LineLoad.class).stream()
                .sorted(Comparator.comparing(LineLoad::line))
                .map(l -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("line", l.line());
                    item.put("loadPercent", Math.round(l.load() * 100));
                    item.put("inProgress", counts.shown(l.inProgress()));
                    item.put("waiting", counts.shown(l.waiting()));
                    item.put("capacity", l.capacity());
                    return item;
                })
                .toList();
    }

    private Map<String, Object> registry(LiveState live) {
        Optional<WorkerTotals> totals = live.get(LiveChannel.WORKER_TOTALS, WorkerTotals.KEY)
                .map(v -> (WorkerTotals) v.value());
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("workers", counts.shown(totals.map(WorkerTotals::total).orElse(0L)));
        r.put("verifiedPercent", totals.map(t -> Math.round(t.verifiedShare() * 100)).orElse(0L));
        r.put("verifiedWindowDays", totals.map(WorkerTotals::verifiedWindowDays).orElse(30));
        return r;
    }

    private static List<Map<String, Object>> commodities(List<ShortageStatus> here) {
        return here.stream().sorted(Comparator.comparing(s -> s.commodity().wire()))
                .map(s -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("commodity", s.commodity().wire());
                    item.put("status", s.reported() ? s.status().wire() : NO_REPORT);
                    return item;
                })
                .toList();
    }

    private static String worst(List<ShortageStatus> here) {
        ShortageLevel worst = null;
        for (ShortageStatus s : here) {
            if (s.reported() && (worst == null || rank(s.status()) > rank(worst))) {
                worst = s.status();
            }
        }
        return worst == null ? NO_REPORT : worst.wire();
    }

    private static int rank(ShortageLevel level) {
        return switch (level) {
            case OK -> 0;
            case STALE -> 1;
            case LOW -> 2;
            case CRITICAL -> 3;
        };
    }
}
