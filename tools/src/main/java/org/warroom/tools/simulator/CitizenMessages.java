package org.warroom.tools.simulator;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.warroom.contracts.reference.District;

/**
 * Citizen messages in Hindi and English (and romanised Hindi) about real shortages in real districts, on
 * WhatsApp, SMS and social media. Messages lean towards the districts that are running low; some name no
 * district at all, as real ones do.
 */
final class CitizenMessages {
    private static final String[][] COMMODITY_WORDS = {
            {"ration", "राशन", "rashan"}, {"water", "पानी", "pani"}, {"milk", "दूध", "doodh"},
            {"medicine", "दवाई", "dawai"}, {"LPG cylinder", "गैस सिलेंडर", "gas"}, {"vegetables", "सब्ज़ी", "sabzi"},
            {"fruit", "फल", "phal"}, {"petrol", "पेट्रोल", "petrol"}, {"diesel", "डीज़ल", "diesel"},
            {"sanitary pads", "सैनिटरी पैड", "sanitary pad"}};
    private static final String[] HINDI = {
            "%s में %s नहीं मिल रहा है, कृपया मदद करें",
            "हमारे गाँव (%s) में तीन दिन से %s नहीं आया",
            "%s जिले में %s की भारी कमी है",
            "%s: राशन दुकान बंद है, %s के लिए लंबी लाइन"};
    private static final String[] ENGLISH = {
            "No %2$s available in %1$s since yesterday, please help",
            "%1$s: shops out of %2$s, people waiting for hours",
            "Urgent - shortage of %2$s in %1$s district"};
    private static final String[] ROMAN = {"%s mein %s nahi mil raha", "%s me %s khatam ho gaya hai, madad karo"};
    private static final String[] NO_DISTRICT = {"%s nahi mil raha, kya karein?", "हमें %s चाहिए, कोई सुन नहीं रहा",
            "Where can we get %s? Nothing in the market"};
    private static final String[] CHANNELS = {"whatsapp", "whatsapp", "whatsapp", "sms", "sms", "twitter", "facebook"};

    private final Random random;
    private final Ids ids;
    private final List<District> districts;

    CitizenMessages(Random random, Ids ids, List<District> districts) {
        this.random = random;
        this.ids = ids;
        this.districts = districts;
    }

    /** A message now; {@code hotspot} is a district that is short of {@code commodityIndex}, or null. */
    SimEvent next(Instant now, District hotspot, int commodityIndex) {
        District d = hotspot != null && random.nextDouble() < 0.6 ? hotspot : Pick.one(random, districts);
        int c = hotspot != null ? commodityIndex : random.nextInt(COMMODITY_WORDS.length);
        String[] words = COMMODITY_WORDS[c];
        double kind = random.nextDouble();
        String text;
        String language;
        if (kind < 0.12) {
            int form = random.nextInt(3);
            text = String.format(Pick.one(random, NO_DISTRICT), words[form == 1 ? 1 : form == 0 ? 2 : 0]);
            language = form == 1 ? "hi" : "en";
        } else if (kind < 0.55 && !d.nameHi().isEmpty()) {
            text = String.format(Pick.one(random, HINDI), d.nameHi(), words[1]);
            language = "hi";
        } else if (kind < 0.8) {
            text = String.format(Pick.one(random, ENGLISH), d.name(), words[0]);
            language = "en";
        } else {
            text = String.format(Pick.one(random, ROMAN), d.name(), words[2]);
            language = "en";
        }
        String channel = Pick.one(random, CHANNELS);
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("id", ids.next("msg"));
        b.put("channel", channel);
        b.put("from", channel.equals("twitter") || channel.equals("facebook") ? "@citizen" + random.nextInt(100_000)
                : "+91" + (6 + random.nextInt(4)) + String.format("%09d", random.nextInt(1_000_000_000)));
        b.put("text", text);
        b.put("at", OffsetDateTime.ofInstant(now, ZoneOffset.ofHoursMinutes(5, 30)).toString());
        b.put("language", language);
        return new SimEvent("messages", b, now);
    }
}
