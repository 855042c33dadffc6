package org.warroom.streams.alert;

import java.util.ArrayList;
import java.util.List;
import org.warroom.contracts.complaint.Complaint;
import org.warroom.contracts.complaint.ComplaintEscalation;
import org.warroom.contracts.complaint.ComplaintStep;
import org.warroom.contracts.complaint.EscalationMatrix;
import org.warroom.contracts.directive.Directive;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.contracts.result.Alert;
import org.warroom.contracts.result.BacklogStatus;
import org.warroom.contracts.result.LineLoad;
import org.warroom.contracts.result.ShortageLevel;
import org.warroom.contracts.result.ShortageStatus;
import org.warroom.contracts.result.UnlocatedMessages;
import org.warroom.contracts.text.AlertText;
import org.warroom.contracts.text.Language;
import org.warroom.contracts.text.Words;
import org.warroom.streams.config.WarroomStreamsConfig;
import org.warroom.streams.config.WarroomStreamsConfig.AlertRule;
import org.warroom.streams.config.WarroomStreamsConfig.Rules;
import org.warroom.streams.settings.LiveSettings;
import org.warroom.streams.support.Times;

/**
 * The alert rules: which observations each result yields, and the words of each alert. Defaults (each
 * {@code alert.<rule>.threshold|severity|enabled}):
 * <table>
 *   <caption>rules</caption>
 *   <tr><th>rule</th><th>subject</th><th>raised when</th><th>severity</th></tr>
 *   <tr><td>shortage-critical</td><td>district|commodity</td><td>days of cover below the commodity's CRITICAL
 *       threshold (commodities of {@code alert.shortage-critical.commodities})</td><td>critical</td></tr>
 *   <tr><td>stockout-predicted</td><td>district|commodity</td><td>predicted stock-out within 24 h</td><td>high</td></tr>
 *   <tr><td>report-stale</td><td>district</td><td>latest report older than {@code shortage.stale.after}</td><td>medium</td></tr>
 *   <tr><td>citizen-signals</td><td>district|commodity</td><td>10 or more signals in the last hour</td><td>medium</td></tr>
 *   <tr><td>backlog-breaches</td><td>district|department</td><td>5 or more open tickets past SLA</td><td>medium</td></tr>
 *   <tr><td>line-load</td><td>line</td><td>in progress at or above 90 % of capacity</td><td>high</td></tr>
 *   <tr><td>unlocated-messages</td><td>all</td><td>20 or more messages without district in the last hour</td><td>low</td></tr>
 *   <tr><td>overdue-directive</td><td>district|directive</td><td>a directive 0 h or more past its deadline and
 *       neither closed nor accepted (docs/OPERATIONS.md)</td><td>high</td></tr>
 *   <tr><td>complaint-escalated</td><td>district|department|number|level</td><td>a complaint on a desk past the
 *       time of a level of its category's escalation matrix ({@code complaint.escalation.*}, docs/COMPLAINTS.md)</td>
 *       <td>high</td></tr>
 * </table>
 * Stale or never-reported figures raise no shortage or stock-out alert (report-stale covers them).
 */
final class AlertRules {
    private final Rules rules;
    private final LiveSettings settings;

    AlertRules(Rules rules, LiveSettings settings) {
        this.rules = rules;
        this.settings = settings;
    }

    List<Observation> fromShortage(ShortageStatus s) {
        List<Observation> out = new ArrayList<>();
        if (s == null) {
            return out;
        }
        if (s.asOf() == null) {
            return fromSignalsOnly(s);
        }
        String subject = s.key();
        boolean current = s.status() != ShortageLevel.STALE;
        AlertRule critical = rule(WarroomStreamsConfig.RULE_SHORTAGE_CRITICAL);
        if (critical.enabled() && current && rules.alerts().criticalCommodities().contains(s.commodity())) {
            double threshold = settings.thresholds(s.district(), s.commodity()).criticalDays();
            out.add(new Observation(critical.name() + "|" + subject, critical.name(), s.district(), s.commodity(),
                    subject, Observation.Kind.VALUE, s.daysOfCover() == null ? Observation.UNBOUNDED : s.daysOfCover(),
                    null, threshold, false, critical.severity()));
        }
        AlertRule stockout = rule(WarroomStreamsConfig.RULE_STOCKOUT_PREDICTED);
        if (stockout.enabled() && current) {
            out.add(new Observation(stockout.name() + "|" + subject, stockout.name(), s.district(), s.commodity(),
                    subject, Observation.Kind.HOURS_UNTIL, 0,
                    s.predictedStockOutAt() == null ? null : Times.millis(s.predictedStockOutAt()),
                    stockout.threshold(), false, stockout.severity()));
        }
        AlertRule stale = rule(WarroomStreamsConfig.RULE_REPORT_STALE);
        if (stale.enabled()) {
            double hours = rules.shortage().staleAfter().toMillis() / 3_600_000d;
            out.add(new Observation(stale.name() + "|" + s.district(), stale.name(), s.district(), null, s.district(),
                    Observation.Kind.HOURS_SINCE, 0, Times.millis(s.asOf()),
                    stale.threshold() > 0 ? stale.threshold() : hours, true, stale.severity()));
        }
        AlertRule signals = rule(WarroomStreamsConfig.RULE_CITIZEN_SIGNALS);
        if (signals.enabled()) {
            out.add(value(signals, subject, s.district(), s, s.signalsLastHour()));
        }
        return out;
    }

    /** Citizen signals count even before the first report. */
    List<Observation> fromSignalsOnly(ShortageStatus s) {
        AlertRule signals = rule(WarroomStreamsConfig.RULE_CITIZEN_SIGNALS);
        return signals.enabled() ? List.of(value(signals, s.key(), s.district(), s, s.signalsLastHour())) : List.of();
    }

    List<Observation> fromBacklog(BacklogStatus b) {
        AlertRule rule = rule(WarroomStreamsConfig.RULE_BACKLOG_BREACHES);
        return b == null || !rule.enabled() ? List.of()
                : List.of(new Observation(rule.name() + "|" + b.key(), rule.name(), b.district(), null, b.key(),
                        Observation.Kind.VALUE, b.slaBreaches(), null, rule.threshold(), true, rule.severity()));
    }

    List<Observation> fromLineLoad(LineLoad l) {
        AlertRule rule = rule(WarroomStreamsConfig.RULE_LINE_LOAD);
        return l == null || !rule.enabled() ? List.of()
                : List.of(new Observation(rule.name() + "|" + l.line(), rule.name(),
                        org.warroom.contracts.event.ControlRoomLines.districtOf(l.line()).orElse(null), null, l.line(),
                        Observation.Kind.VALUE, l.load(), null, rule.threshold(), true, rule.severity()));
    }

    List<Observation> fromUnlocated(UnlocatedMessages u) {
        AlertRule rule = rule(WarroomStreamsConfig.RULE_UNLOCATED_MESSAGES);
        return u == null || !rule.enabled() ? List.of()
                : List.of(new Observation(rule.name() + "|" + UnlocatedMessages.KEY, rule.name(), null, null,
                        UnlocatedMessages.KEY, Observation.Kind.VALUE, u.lastHour(), null, rule.threshold(), true,
                        rule.severity()));
    }

    /**
     * A directive is overdue from its deadline on (hours since the deadline, by the wall clock: the punctuator raises
     * it without a new record) until it is closed or accepted (then a value below the threshold clears it).
     */
    List<Observation> fromDirective(Directive d) {
        AlertRule rule = rule(WarroomStreamsConfig.RULE_OVERDUE_DIRECTIVE);
        if (d == null || d.id() == null || d.district() == null || d.deadline() == null || d.state() == null
                || !rule.enabled()) {
            return List.of();
        }
        String subject = d.district() + "|" + d.id();
        boolean done = d.state().done();
        return List.of(new Observation(rule.name() + "|" + subject, rule.name(), d.district(), null, subject,
                done ? Observation.Kind.VALUE : Observation.Kind.HOURS_SINCE, done ? -1 : 0,
                done ? null : Times.millis(d.deadline()), rule.threshold(), true, rule.severity()));
    }

    /**
     * A complaint escalates per its category's matrix ({@link org.warroom.contracts.complaint.EscalationMatrix}): for
     * each level above the desk, hours since that level's time (openSince + multiple × SLA) by the wall clock while the
     * complaint is on a desk — the punctuator raises it without a new record; closing it clears every level (a value
     * below the threshold), reopening starts a new episode from the reopening. A forward clears the levels of the
     * department it left: the new department's levels count from the same start (the citizen's wait goes on).
     */
    List<Observation> fromComplaint(Complaint c) {
        AlertRule rule = rule(WarroomStreamsConfig.RULE_COMPLAINT_ESCALATED);
        if (c == null || c.number() == null || c.district() == null || c.department() == null || c.state() == null
                || !rule.enabled()) {
            return List.of();
        }
        List<EscalationMatrix.Level> levels = rules.escalation().levels(c.category());
        List<Observation> out = new ArrayList<>();
        String left = departmentLeft(c);
        if (left != null) {
            for (EscalationMatrix.Level level : levels) {
                out.add(complaintLevel(rule, c, left, level, null));
            }
        }
        boolean onDesk = !c.state().closed() && c.openSince() != null && c.slaDueAt() != null;
        java.time.Duration sla = onDesk ? java.time.Duration.between(c.openSince(), c.slaDueAt()) : null;
        for (EscalationMatrix.Level level : levels) {
            out.add(complaintLevel(rule, c, c.department(), level,
                    onDesk ? Times.millis(EscalationMatrix.dueAt(c.openSince(), sla, level)) : null));
        }
        return out;
    }

    private static Observation complaintLevel(AlertRule rule, Complaint c, String department, EscalationMatrix.Level level,
                                              Long dueAt) {
        String subject = new ComplaintEscalation.Subject(c.district(), department, c.number(), level.level()).wire();
        return new Observation(rule.name() + "|" + subject, rule.name(), c.district(), null, subject,
                dueAt == null ? Observation.Kind.VALUE : Observation.Kind.HOURS_SINCE, dueAt == null ? -1 : 0, dueAt,
                rule.threshold(), true, rule.severity());
    }

    /** The department the complaint's latest step moved it away from (a forward), else null. */
    private static String departmentLeft(Complaint c) {
        List<ComplaintStep> history = c.history();
        if (history.size() < 2) {
            return null;
        }
        String before = history.get(history.size() - 2).department();
        return before != null && !before.equals(c.department()) ? before : null;
    }

    private static Observation value(AlertRule rule, String subject, String district, ShortageStatus s, double value) {
        return new Observation(rule.name() + "|" + subject, rule.name(), district, s.commodity(), subject,
                Observation.Kind.VALUE, value, null, rule.threshold(), true, rule.severity());
    }

    private AlertRule rule(String name) {
        return settings.rule(name);
    }

    /** Renders alerts in words, English and Hindi, with names rather than codes. */
    private static final AlertText WORDS = new AlertText(Words.bundled(), DistrictDirectory.load());

    /** The alert with its words ({@code message} in English, {@code messageHi} in Hindi) for its current values. */
    static Alert worded(Alert a) {
        return new Alert(a.id(), a.rule(), a.district(), a.commodity(), a.severity(), a.state(), a.raisedAt(), a.ackBy(),
                a.ackAt(), a.clearedAt(), a.subject(), a.level(), a.value(), a.threshold(), WORDS.render(a, Language.EN),
                a.ackComment(), a.notifiedAt(), a.repeats(), WORDS.render(a, Language.HI));
    }
}
