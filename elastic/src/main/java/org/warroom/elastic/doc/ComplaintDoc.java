package org.warroom.elastic.doc;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import org.warroom.contracts.complaint.Complaint;
import org.warroom.contracts.complaint.ComplaintStep;
import org.warroom.contracts.complaint.ComplaintText;
import org.warroom.elastic.text.TextKeys;

/**
 * A desk complaint as indexed (family {@code complaints}, id = the complaint number, month of {@code openedAt}, the
 * latest version replaces the document). {@code text} is what the citizen said followed by the notes of its steps,
 * {@code textKeys} its search keys ({@link TextKeys}); {@code phone} and {@code name} are personal data (a masked
 * scope never fetches them: {@link #PROTECTED_PHONE}, {@link #PROTECTED_NAME}), {@code phoneMasked} is what it gets,
 * and {@code phoneDigits} (the last ten digits) finds a complaint by the caller's number. {@code history} is every
 * step (stored, not searched); notes in it may hold personal data and are masked on the way out like {@code text}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComplaintDoc(
        String id,
        String number,
        long version,
        String district,
        String department,
        String departmentKey,
        String category,
        String commodity,
        String state,
        String channel,
        String language,
        String assignee,
        String message,
        String phone,
        String phoneMasked,
        String phoneDigits,
        String name,
        OffsetDateTime at,
        OffsetDateTime openSince,
        OffsetDateTime slaDueAt,
        OffsetDateTime updatedAt,
        String text,
        String textKeys,
        List<ComplaintStep> history) {

    /** The fields a scope without personal data never fetches. */
    public static final String PROTECTED_PHONE = "phone";
    public static final String PROTECTED_NAME = "name";

    public static ComplaintDoc of(Complaint c) {
        StringJoiner text = new StringJoiner("\n");
        if (c.text() != null) {
            text.add(c.text());
        }
        for (ComplaintStep s : c.history()) {
            if (s.note() != null && !s.note().isBlank()) {
                text.add(s.note());
            }
        }
        String all = text.toString();
        return new ComplaintDoc(c.number(), c.number(), c.version(), c.district(), c.department(),
                c.department() == null ? null : c.department().toLowerCase(Locale.ROOT), c.category(), c.commodity(),
                c.state() == null ? null : c.state().wire(), c.channel() == null ? null : c.channel().wire(),
                c.language(), c.assignee(), c.message(), c.phone(), ComplaintText.maskPhone(c.phone()),
                phoneKey(c.phone()), c.name(), c.openedAt(), c.openSince(), c.slaDueAt(), c.updatedAt(), all,
                TextKeys.ofText(all), c.history());
    }

    /** The last ten digits of a phone number (an Indian mobile number however it was written), null when shorter. */
    public static String phoneKey(String phone) {
        String d = PersonalData.digits(phone);
        return d.length() < 10 ? null : d.substring(d.length() - 10);
    }
}
