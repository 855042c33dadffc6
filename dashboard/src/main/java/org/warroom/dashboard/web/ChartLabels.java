package org.warroom.dashboard.web;

import java.util.Map;

/** The words drawn on charts, in English and Hindi (the page's own labels live in {@code assets/i18n.js}). */
final class ChartLabels {
    private static final Map<String, String> HI = Map.ofEntries(
            Map.entry("trend.title", "कॉल और संदेश, प्रति घंटा"),
            Map.entry("shortages.title", "वस्तुओं की स्थिति"),
            Map.entry("cover.title", "आपूर्ति के दिन, वस्तु अनुसार"),
            Map.entry("backlogs.title", "विभाग अनुसार लंबित शिकायतें"),
            Map.entry("calls.title", "हेल्पलाइन पर जारी कॉल"),
            Map.entry("ratings.title", "ज़िला रेटिंग (सितारे)"),
            Map.entry("rating-parts.title", "रेटिंग के घटक"),
            Map.entry("workers.title", "श्रमिक वितरण"),
            Map.entry("hour", "घंटा"),
            Map.entry("count", "संख्या"),
            Map.entry("days", "दिन"),
            Map.entry("calls", "कॉल"),
            Map.entry("messages", "संदेश"),
            Map.entry("ticketsOpened", "खुली शिकायतें"),
            Map.entry("ticketsResolved", "निपटाई शिकायतें"),
            Map.entry("open", "लंबित"),
            Map.entry("slaBreaches", "समय-सीमा पार"),
            Map.entry("inProgress", "जारी"),
            Map.entry("capacity", "क्षमता"),
            Map.entry("waiting", "प्रतीक्षा में"),
            Map.entry("districts", "ज़िले"),
            Map.entry("stars", "सितारे"),
            Map.entry("share", "अनुपात"),
            Map.entry("slaCompliance", "समय-सीमा पालन"),
            Map.entry("reportTimeliness", "समय पर रिपोर्ट"),
            Map.entry("shortageResolution", "कमी का समाधान"),
            Map.entry("OK", "ठीक"),
            Map.entry("LOW", "कम"),
            Map.entry("CRITICAL", "गंभीर"),
            Map.entry("STALE", "पुरानी रिपोर्ट"),
            Map.entry("ration", "राशन"),
            Map.entry("water", "पानी"),
            Map.entry("fruit", "फल"),
            Map.entry("vegetables", "सब्ज़ी"),
            Map.entry("milk", "दूध"),
            Map.entry("medicine", "दवा"),
            Map.entry("lpg", "गैस"),
            Map.entry("petrol", "पेट्रोल"),
            Map.entry("diesel", "डीज़ल"),
            Map.entry("sanitary", "स्वच्छता सामग्री"),
            Map.entry("home", "घर पर"),
            Map.entry("working", "काम पर"),
            Map.entry("unreachable", "संपर्क नहीं"),
            Map.entry("unknown", "अज्ञात"),
            Map.entry("district-control", "ज़िला नियंत्रण कक्ष"),
            Map.entry("worker-helpline", "श्रमिक हेल्पलाइन"),
            Map.entry("food", "खाद्य"),
            Map.entry("health", "स्वास्थ्य"),
            Map.entry("wages", "मज़दूरी"),
            Map.entry("stranded", "फँसे लोग"),
            Map.entry("transport", "परिवहन"),
            Map.entry("other", "अन्य"),
            Map.entry("no-data", "कोई आंकड़े नहीं"));
    private static final Map<String, String> EN = Map.ofEntries(
            Map.entry("trend.title", "Calls and messages per hour"),
            Map.entry("shortages.title", "Commodity status"),
            Map.entry("cover.title", "Days of cover by commodity"),
            Map.entry("backlogs.title", "Open complaints by department"),
            Map.entry("calls.title", "Calls in progress per helpline"),
            Map.entry("ratings.title", "District ratings (stars)"),
            Map.entry("rating-parts.title", "Rating components"),
            Map.entry("workers.title", "Worker distribution"),
            Map.entry("hour", "Hour"),
            Map.entry("count", "Count"),
            Map.entry("days", "Days"),
            Map.entry("calls", "Calls"),
            Map.entry("messages", "Messages"),
            Map.entry("ticketsOpened", "Complaints opened"),
            Map.entry("ticketsResolved", "Complaints resolved"),
            Map.entry("open", "Open"),
            Map.entry("slaBreaches", "SLA breaches"),
            Map.entry("inProgress", "In progress"),
            Map.entry("capacity", "Capacity"),
            Map.entry("waiting", "Waiting"),
            Map.entry("districts", "Districts"),
            Map.entry("stars", "Stars"),
            Map.entry("share", "Share"),
            Map.entry("slaCompliance", "SLA compliance"),
            Map.entry("reportTimeliness", "Report timeliness"),
            Map.entry("shortageResolution", "Shortage resolution"),
            Map.entry("home", "At home"),
            Map.entry("working", "Working"),
            Map.entry("unreachable", "Unreachable"),
            Map.entry("district-control", "District control room"),
            Map.entry("worker-helpline", "Worker helpline"),
            Map.entry("food", "Food"),
            Map.entry("health", "Health"),
            Map.entry("wages", "Wages"),
            Map.entry("stranded", "Stranded"),
            Map.entry("transport", "Transport"),
            Map.entry("other", "Other"),
            Map.entry("no-data", "No data"));

    private final boolean hindi;

    ChartLabels(boolean hindi) {
        this.hindi = hindi;
    }

    boolean hindi() {
        return hindi;
    }

    /** The label for {@code key}; the key itself when there is none (commodity codes, line numbers). */
    String get(String key) {
        String value = (hindi ? HI : EN).get(key);
        return value != null ? value : key;
    }
}
