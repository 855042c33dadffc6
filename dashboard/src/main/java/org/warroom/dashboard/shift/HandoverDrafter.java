package org.warroom.dashboard.shift;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.warroom.contracts.complaint.Complaint;
import org.warroom.contracts.directive.Directive;
import org.warroom.contracts.result.Alert;
import org.warroom.contracts.result.Severity;
import org.warroom.contracts.result.ShortageLevel;
import org.warroom.contracts.result.ShortageStatus;
import org.warroom.contracts.shift.HandoverDraft;
import org.warroom.contracts.shift.HandoverItem;
import org.warroom.contracts.shift.ShiftLogEntry;
import org.warroom.dashboard.complaint.ComplaintBook;
import org.warroom.dashboard.directive.DirectiveBook;
import org.warroom.dashboard.live.LiveChannel;
import org.warroom.dashboard.live.LiveState;

/**
 * Drafts a handover from the live state (docs/OPERATIONS.md): open critical and high alerts, overdue directives,
 * complaints past their SLA (number, district, department, due — never the citizen's words), the worst shortages
 * (critical, then low, fewest days of cover first), the changes since the last handover (alerts raised, directive
 * steps) and the log's entries since then. Each list is capped ({@value #MAX}) so a handover stays one record.
 */
public final class HandoverDrafter {
    static final int MAX = 50;
    /** How far back the first handover looks. */
    static final Duration FIRST_SINCE = Duration.ofHours(12);
    private static final Set<Severity> SERIOUS = Set.of(Severity.CRITICAL, Severity.HIGH);

    private final LiveState live;
    private final DirectiveBook directives;
    private final ComplaintBook complaints;
    private final ShiftBook shift;
    private final ZoneId zone;

    public HandoverDrafter(LiveState live, DirectiveBook directives, ComplaintBook complaints, ShiftBook shift,
                           ZoneId zone) {
        this.live = live;
        this.directives = directives;
        this.complaints = complaints;
        this.shift = shift;
        this.zone = zone;
    }

    public HandoverDraft draft(Instant now) {
        OffsetDateTime since = shift.latest().map(h -> h.draftedAt()).orElse(null);
        Instant from = since == null ? now.minus(FIRST_SINCE) : since.toInstant();
        List<Alert> alerts = live.records(LiveChannel.ALERTS, Alert.class);
        List<HandoverItem> open = alerts.stream().filter(a -> a.open() && SERIOUS.contains(a.severity()))
                .sorted(Comparator.comparing(Alert::severity).reversed().thenComparing(a -> a.raisedAt().toInstant()))
                .limit(MAX).map(HandoverDrafter::alert).toList();
        List<HandoverItem> overdue = directives.all().stream().filter(d -> d.overdueAt(now))
                .sorted(Comparator.comparing(d -> d.deadline().toInstant())).limit(MAX)
                .map(d -> directive(d, now)).toList();
        List<HandoverItem> breaches = complaints.all().stream()
                .filter(c -> !c.state().closed() && c.slaDueAt().toInstant().isBefore(now))
                .sorted(Comparator.comparing(c -> c.slaDueAt().toInstant())).limit(MAX)
                .map(c -> breach(c, now)).toList();
        List<HandoverItem> shortages = live.records(LiveChannel.SHORTAGES, ShortageStatus.class).stream()
                .filter(s -> s.status() == ShortageLevel.CRITICAL || s.status() == ShortageLevel.LOW)
                .sorted(Comparator.comparing((ShortageStatus s) -> s.status() != ShortageLevel.CRITICAL)
                        .thenComparing(s -> s.daysOfCover() == null ? Double.MAX_VALUE : s.daysOfCover()))
                .limit(MAX).map(HandoverDrafter::shortage).toList();
        List<HandoverItem> changes = new ArrayList<>(Stream.concat(
                alerts.stream().filter(a -> !a.raisedAt().toInstant().isBefore(from)).map(HandoverDrafter::raised),
                directives.all().stream().filter(d -> !d.updatedAt().toInstant().isBefore(from))
                        .map(HandoverDrafter::stepped))
                .sorted(Comparator.comparing((HandoverItem i) -> i.at().toInstant()).reversed()).limit(MAX).toList());
        List<HandoverItem> log = shift.entries(from, now.plusMillis(1)).stream().limit(MAX)
                .map(HandoverDrafter::entry).toList();
        return new HandoverDraft(since == null ? OffsetDateTime.ofInstant(from, zone) : since, open, overdue, breaches,
                shortages, changes, log);
    }

    private static HandoverItem alert(Alert a) {
        return new HandoverItem(a.id(), a.district(), a.rule() + " " + a.severity().wire() + " " + a.state().wire(),
                a.value(), a.message(), a.messageHi(), a.raisedAt());
    }

    private static HandoverItem raised(Alert a) {
        return new HandoverItem(a.id(), a.district(), "alert " + a.rule(), a.value(), a.message(), a.messageHi(),
                a.raisedAt());
    }

    private static HandoverItem directive(Directive d, Instant now) {
        double hours = Math.round(Duration.between(d.deadline().toInstant(), now).toMinutes() / 6.0) / 10.0;
        return new HandoverItem(d.id(), d.district(), d.state().wire() + (d.department() == null ? "" : " " + d.department()),
                hours, d.text(), null, d.deadline());
    }

    private static HandoverItem stepped(Directive d) {
        var step = d.lastStep();
        return new HandoverItem(d.id(), d.district(), "directive " + step.action().wire() + " by " + step.by(), null,
                d.text(), null, step.at());
    }

    private static HandoverItem breach(Complaint c, Instant now) {
        double hours = Math.round(Duration.between(c.slaDueAt().toInstant(), now).toMinutes() / 6.0) / 10.0;
        return new HandoverItem(c.number(), c.district(), c.department(), hours, c.category(), null, c.slaDueAt());
    }

    private static HandoverItem shortage(ShortageStatus s) {
        return new HandoverItem(s.key(), s.district(), s.commodity().wire() + " " + s.status().name().toLowerCase(
                java.util.Locale.ROOT), s.daysOfCover(), null, null, s.asOf());
    }

    private static HandoverItem entry(ShiftLogEntry e) {
        return new HandoverItem(e.id(), e.district(), e.by(), null, e.text(), null, e.at());
    }
}
