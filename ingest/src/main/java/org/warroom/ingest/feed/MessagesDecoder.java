package org.warroom.ingest.feed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.warroom.contracts.event.Channel;
import org.warroom.contracts.event.CitizenMessage;
import org.warroom.contracts.topic.Topics;
import org.warroom.ingest.reference.KnownDistrict;
import org.warroom.ingest.reference.Places;
import org.warroom.ingest.validate.Fields;

/**
 * The {@code messages} feed: citizen messages ({@link CitizenMessage}, topic {@code warroom.messages} keyed by
 * id). A missing district is recognised from the text; when none is found the message is kept with
 * {@code districtSource=unknown}, never dropped. The commodities the text talks about are recognised too.
 */
public final class MessagesDecoder implements FeedDecoder {
    public static final int MAX_TEXT = 4096;

    private final Places places;
    private final CommodityRecognizer commodities;
    private final Clock clock;

    public MessagesDecoder(Places places, CommodityRecognizer commodities, Clock clock) {
        this.places = places;
        this.commodities = commodities;
        this.clock = clock;
    }

    @Override
    public Decoded decode(ObjectNode json, String source) {
        Fields f = new Fields(json, places, clock);
        String id = f.id("id");
        Channel channel = f.enumeration("channel", Channel.class, true);
        String from = f.text("from", 128, true);
        String text = f.text("text", MAX_TEXT, true);
        OffsetDateTime at = f.time("at", true);
        KnownDistrict given = f.district("district", false);
        String language = f.text("language", 16, false);
        String senderName = f.text("senderName", 200, false);
        if (!f.ok()) {
            return Decoded.rejected(f.problems());
        }
        return Decoded.accepted(toEvent(new CitizenMessage(id, channel, from, text, at, null, language, null, null,
                senderName, source), Optional.ofNullable(given)));
    }

    /** Completes a message (district, its source, language, commodities) and addresses it; used by webhooks too. */
    public Outgoing<CitizenMessage> toEvent(CitizenMessage m, Optional<KnownDistrict> given) {
        Optional<KnownDistrict> recognised = given.isPresent() ? Optional.empty() : places.recognise(m.text());
        String district = given.or(() -> recognised).map(KnownDistrict::code).orElse(null);
        String districtSource = given.isPresent() ? CitizenMessage.DISTRICT_GIVEN
                : recognised.isPresent() ? CitizenMessage.DISTRICT_RECOGNISED : CitizenMessage.DISTRICT_UNKNOWN;
        String language = m.language() != null ? m.language() : guessLanguage(m.text());
        CitizenMessage complete = new CitizenMessage(m.id(), m.channel(), m.from(), m.text(), m.at(), district,
                language, districtSource, commodities.recognise(m.text()), m.senderName(), m.source());
        return new Outgoing<>(Topics.MESSAGES, m.id(), complete, district);
    }

    /** {@code hi} when the text is mostly Devanagari, else {@code en}. */
    static String guessLanguage(String text) {
        long devanagari = text.codePoints().filter(cp -> Character.UnicodeBlock.of(cp) == Character.UnicodeBlock.DEVANAGARI).count();
        long letters = text.codePoints().filter(Character::isLetter).count();
        return letters > 0 && devanagari * 2 >= letters ? "hi" : "en";
    }
}
