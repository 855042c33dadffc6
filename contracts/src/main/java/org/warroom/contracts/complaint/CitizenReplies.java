package org.warroom.contracts.complaint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.warroom.contracts.text.Language;
import org.warroom.contracts.text.Words;

/**
 * What the citizen is told, in the language they wrote in, on the channel the complaint came by (a call or a desk
 * visit is answered by SMS): the number at registration, the note at resolution or rejection. Each reply is kept in
 * the complaint's {@code replies}. Until a citizen-reply provider is configured for the desk, every reply is
 * recorded as {@value #NOT_SENT} — never silently dropped (docs/COMPLAINTS.md).
 */
public final class CitizenReplies {
    public static final String NOT_SENT = "not-sent";
    private final Words words;

    public CitizenReplies(Words words) {
        this.words = words;
    }

    /** The complaint with the reply its latest step calls for, if any. */
    public Complaint withReply(Complaint c) {
        ComplaintStep step = c.lastStep();
        String key = switch (step.action()) {
            case REGISTER -> "reply.registered";
            case RESOLVE -> "reply.resolved";
            case REJECT -> "reply.rejected";
            default -> null;
        };
        if (key == null) {
            return c;
        }
        String text = words.format(Language.of(c.language()), key, Map.of("number", c.number(),
                "note", step.note() == null ? "" : step.note()));
        String channel = c.channel() == ComplaintChannel.WHATSAPP ? "whatsapp" : "sms";
        List<ComplaintReply> replies = new ArrayList<>(c.replies());
        replies.add(new ComplaintReply(channel, text, NOT_SENT, step.at()));
        return new Complaint(c.number(), c.version(), c.state(), c.district(), c.department(), c.category(),
                c.commodity(), c.phone(), c.name(), c.text(), c.channel(), c.language(), c.message(), c.call(),
                c.openedAt(), c.openSince(), c.slaDueAt(), c.assignee(), c.updatedAt(), c.history(), replies);
    }
}
