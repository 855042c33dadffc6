package org.warroom.elastic.doc;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import org.warroom.contracts.event.CitizenMessage;
import org.warroom.elastic.text.TextKeys;

/**
 * A citizen message as indexed (family {@code messages}, id = message id). {@code from} and {@code senderName} are
 * personal data; the masked forms sit beside them and are what a masked scope gets. {@code textKeys} are the
 * search keys of the text ({@link TextKeys}), so that a romanised query finds a Devanagari message and back.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageDoc(
        String id,
        String channel,
        String from,
        String fromMasked,
        String senderName,
        String senderNameMasked,
        String text,
        String textKeys,
        OffsetDateTime at,
        String district,
        String districtSource,
        String language,
        List<String> commodities,
        String source) {

    public static final String PROTECTED_FROM = "from";
    public static final String PROTECTED_SENDER_NAME = "senderName";

    public static MessageDoc of(CitizenMessage m) {
        return new MessageDoc(m.id(), m.channel() == null ? null : m.channel().wire(), m.from(),
                PersonalData.maskHandle(m.from()), m.senderName(), PersonalData.maskName(m.senderName()), m.text(),
                TextKeys.ofText(m.text()), m.at(), m.district(), m.districtSource(), m.language(),
                m.commodities().stream().map(c -> c.wire()).toList(), m.source());
    }
}
