package org.warroom.streams.rating;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.warroom.contracts.result.BacklogStatus;
import org.warroom.contracts.result.DistrictRating;
import org.warroom.contracts.result.ShortageLevel;
import org.warroom.contracts.result.ShortageStatus;
import org.warroom.streams.config.WarroomStreamsConfig.Rules;
import org.warroom.streams.support.Times;
import org.warroom.streams.support.TraceCarry;

/**
 * Keyed by district: follows the district's shortage and backlog results and emits its {@link DistrictRating}
 * whenever it changes (on a result, and on the wall-clock punctuator, as ongoing shortages age). The formula is in
 * {@link RatingTopology}.
 */
final class RatingProcessor implements Processor<String, RatingInput, String, DistrictRating> {
    /** Results forwarded while handling an input carry its correlation id (docs/LOGGING.md). */
    private final TraceCarry trace = new TraceCarry();
    private final Rules rules;
    private ProcessorContext<String, DistrictRating> context;
    private KeyValueStore<String, RatingState.Commodity> commodities;
    private KeyValueStore<String, RatingState.Department> departments;
    private KeyValueStore<String, RatingState.Episodes> episodes;
    private KeyValueStore<String, RatingState.Task> directives;
    private KeyValueStore<String, DistrictRating> results;
    private KeyValueStore<String, RatingState.Rated> citizen;

    RatingProcessor(Rules rules) {
        this.rules = rules;
    }

    @Override
    public void init(ProcessorContext<String, DistrictRating> context) {
        this.context = context;
        this.commodities = context.getStateStore(RatingTopology.COMMODITY_STORE);
        this.departments = context.getStateStore(RatingTopology.DEPARTMENT_STORE);
        this.episodes = context.getStateStore(RatingTopology.EPISODE_STORE);
        this.directives = context.getStateStore(RatingTopology.DIRECTIVE_STORE);
        this.results = context.getStateStore(RatingTopology.RESULT_STORE);
        this.citizen = context.getStateStore(RatingTopology.CITIZEN_STORE);
        context.schedule(rules.punctuateInterval(), PunctuationType.WALL_CLOCK_TIME, this::punctuate);
    }

    @Override
    public void process(Record<String, RatingInput> record) {
        trace.during(record, () -> handle(record));
    }

    private void handle(Record<String, RatingInput> record) {
        RatingInput input = record.value();
        if (input == null) {
            return;
        }
        if (input.shortage() != null) {
            onShortage(input.shortage());
        }
        if (input.backlog() != null) {
            BacklogStatus b = input.backlog();
            departments.put(b.key(), new RatingState.Department(b.open(), b.slaBreaches()));
        }
        if (input.directive() != null) {
            RatingState.Task t = input.directive();
            directives.put(t.district() + "|" + t.id(), t);
        }
        if (input.rated() != null) {
            String key = record.key() + "|" + input.rated().number();
            if (input.rated().stars() == null) {
                if (citizen.get(key) == null) {
                    return; // a complaint step that changes nothing of the rating: no re-evaluation
                }
                citizen.delete(key);
            } else {
                RatingState.Rated now = new RatingState.Rated(input.rated().stars());
                if (now.equals(citizen.get(key))) {
                    return;
                }
                citizen.put(key, now);
            }
        }
        emit(record.key(), context.currentSystemTimeMs());
    }

    private void onShortage(ShortageStatus s) {
        if (s.asOf() == null) {
            return; // never reported: signals only, nothing to rate
        }
        RatingState.Commodity previous = commodities.get(s.key());
        var since = previous == null ? null : previous.shortageSince();
        if (s.status().isShortage() && since == null) {
            since = s.asOf();
        } else if (s.status() == ShortageLevel.OK && since != null) {
            double hours = Math.max(0, Times.millis(s.asOf()) - Times.millis(since)) / 3_600_000d;
            RatingState.Episodes e = episodes.get(s.district());
            episodes.put(s.district(), e == null ? new RatingState.Episodes(1, hours)
                    : new RatingState.Episodes(e.count() + 1, e.totalHours() + hours));
            since = null;
        }
        commodities.put(s.key(), new RatingState.Commodity(s.status(), since));
    }

    private void punctuate(long now) {
        List<String> districts = new ArrayList<>();
        try (KeyValueIterator<String, DistrictRating> all = results.all()) {
            while (all.hasNext()) {
                districts.add(all.next().key);
            }
        }
        districts.forEach(d -> emit(d, now));
    }

    private void emit(String district, long now) {
        int reported = 0;
        int stale = 0;
        int ongoing = 0;
        int critical = 0;
        int low = 0;
        double ongoingHours = 0;
        try (KeyValueIterator<String, RatingState.Commodity> all =
                     commodities.prefixScan(district + "|", new StringSerializer())) {
            while (all.hasNext()) {
                RatingState.Commodity c = all.next().value;
                reported++;
                if (c.status() == ShortageLevel.STALE) {
                    stale++;
                } else if (c.status() == ShortageLevel.CRITICAL) {
                    critical++;
                } else if (c.status() == ShortageLevel.LOW) {
                    low++;
                }
                if (c.shortageSince() != null) {
                    ongoing++;
                    ongoingHours += Math.max(0, now - Times.millis(c.shortageSince())) / 3_600_000d;
                }
            }
        }
        int open = 0;
        int breaches = 0;
        try (KeyValueIterator<String, RatingState.Department> all =
                     departments.prefixScan(district + "|", new StringSerializer())) {
            while (all.hasNext()) {
                RatingState.Department d = all.next().value;
                open += d.open();
                breaches += d.breaches();
            }
        }
        int overdue = 0;
        int due = 0;
        int late = 0;
        try (KeyValueIterator<String, RatingState.Task> all =
                     directives.prefixScan(district + "|", new StringSerializer())) {
            while (all.hasNext()) {
                RatingState.Task t = all.next().value;
                overdue += t.overdueAt(now) ? 1 : 0;
                due += t.dueAt(now) ? 1 : 0;
                late += t.lateAt(now) ? 1 : 0;
            }
        }
        int ratings = 0;
        int stars = 0;
        try (KeyValueIterator<String, RatingState.Rated> all =
                     citizen.prefixScan(district + "|", new StringSerializer())) {
            while (all.hasNext()) {
                ratings++;
                stars += all.next().value.stars();
            }
        }
        RatingState.Episodes ended = episodes.get(district);
        int episodeCount = (ended == null ? 0 : ended.count()) + ongoing;
        double totalHours = (ended == null ? 0 : ended.totalHours()) + ongoingHours;
        DistrictRating rating = RatingTopology.rate(district, rules.rating(), open, breaches, reported, stale,
                episodeCount, episodeCount == 0 ? null : totalHours / episodeCount, critical, low, overdue, due, late, ratings,
                stars);
        if (!rating.equals(results.get(district))) {
            results.put(district, rating);
            context.forward(trace.record(district, rating, now));
        }
    }
}
