package org.warroom.contracts.complaint;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.warroom.contracts.text.Language;
import org.warroom.contracts.text.Words;

/**
 * What the citizen is told, in the language they wrote in, on the channel the complaint came by (a call or a desk
 * visit is answered by SMS): the number at registration, the note at resolution or rejection, that it is reopened,
 * the thanks for a rating; and the answers to their own messages (the state asked by {@code STATUS}, "not found",
 * a refused rating). A step's reply is kept in the complaint's {@code replies} as {@value #PENDING} with the id
 * {@code <number>/v<version>} and handed to the notifier as a {@link CitizenReply} of the same id; its outcome comes
 * back on {@code warroom.citizen-replies} (docs/COMPLAINTS.md). The purposes are the words' keys.
 */
public final class CitizenReplies {
    /** A reply handed to the notifier, its outcome not known yet. */
    public static final String PENDING = "pending";
    /** Replies written before the notifier sent them. */
    public static final String NOT_SENT = CitizenReplyOutcome.NOT_SENT;
    public static final String REGISTERED = "reply.registered";
    public static final String RESOLVED = "reply.resolved";
    public static final String REJECTED = "reply.rejected";
    public static final String REOPENED = "reply.reopened";
    public static final String RATED = "reply.rated";
    public static final String STATUS = "reply.status";
    public static final String NOT_FOUND = "reply.not-found";
    public static final String RATED_ALREADY = "reply.rated-already";

    private final Words words;

    public CitizenReplies(Words words) {
        this.words = words;
    }

    /** The complaint with the reply its latest step calls for, if any. */
    public Complaint withReply(Complaint c) {
        ComplaintStep step = c.lastStep();
        String purpose = switch (step.action()) {
            case REGISTER -> REGISTERED;
            case RESOLVE -> RESOLVED;
            case REJECT -> REJECTED;
            case REOPEN -> REOPENED;
            case RATE -> RATED;
            default -> null;
        };
        if (purpose == null) {
            return c;
        }
        String text = text(c, purpose, step.note());
        List<ComplaintReply> replies = new ArrayList<>(c.replies());
        replies.add(new ComplaintReply(channel(c), text, PENDING, step.at(), replyId(c), purpose));
        return c.withReplies(replies);
    }

    /** The request to the notifier for the reply of the complaint's latest step; null when it has none. */
    public static CitizenReply request(Complaint c) {
        String id = replyId(c);
        return c.replies().stream().filter(r -> id.equals(r.id())).findFirst()
                .map(r -> new CitizenReply(id, c.number(), r.channel(), c.phone(), c.language(), r.purpose(), r.text(),
                        r.at()))
                .orElse(null);
    }

    /** The answer to a citizen's message about {@code c} ({@link #STATUS}, {@link #RATED_ALREADY}). */
    public CitizenReply answer(String messageId, Complaint c, String purpose, OffsetDateTime at) {
        return new CitizenReply("answer/" + messageId, c.number(), channel(c), c.phone(), c.language(), purpose,
                text(c, purpose, null), at);
    }

    /** The neutral answer to a status question no complaint of the sender's matches: names no complaint. */
    public CitizenReply notFound(String messageId, String channel, String phone, String language, OffsetDateTime at) {
        return new CitizenReply("answer/" + messageId, null, channel, phone, language, NOT_FOUND,
                words.get(Language.of(language), NOT_FOUND), at);
    }

    private String text(Complaint c, String purpose, String note) {
        Language language = Language.of(c.language());
        return words.format(language, purpose, Map.of("number", c.number(), "note", note == null ? "" : note,
                "state", words.get(language, "complaint.state." + c.state().wire()),
                "rating", c.rating() == null ? "" : c.rating().toString()));
    }

    private static String channel(Complaint c) {
        return c.channel() == ComplaintChannel.WHATSAPP ? "whatsapp" : "sms";
    }

    private static String replyId(Complaint c) {
        return c.number() + "/v" + c.version();
    }
}
