package org.warroom.contracts.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.reference.Recognition.Confidence;

class DistrictRecognizerTest {

    private static final DistrictRecognizer RECOGNIZER = DistrictRecognizer.load();

    private static Optional<String> code(String text) {
        return RECOGNIZER.recognize(text).map(r -> r.district().code());
    }

    @Test
    void findsADistrictInHinglishAndEnglishSentences() {
        assertThat(code("Bhopal mein ration nahi mil raha")).contains("396");
        assertThat(code("no water in east nimar since 2 days")).contains("405");
        assertThat(code("Indore: milk supply stopped near Rajwada")).contains("410");
        assertThat(code("Patna se call kar raha hoon, dawai nahi mili")).contains("212");
    }

    @Test
    void findsADistrictInHindiSentences() {
        assertThat(code("भोपाल में राशन नहीं मिल रहा")).contains("396");
        assertThat(code("होशंगाबाद में दवा की कमी")).contains("409");
        assertThat(code("मुजफ्फरपुर के मजदूर दिल्ली में फंसे हैं")).contains("208");
        assertThat(code("पूर्वी चंपारण में बाढ़, पानी नहीं")).contains("213");
        assertThat(code("जिला छिंदवाड़ा, गैस सिलेंडर नहीं")).contains("399");
    }

    @Test
    void reportsTheMatchedWordsAndWhereTheyAre() {
        String text = "no water in East Nimar since 2 days";
        Recognition r = RECOGNIZER.recognize(text).orElseThrow();
        assertThat(r.matchedText()).isEqualTo("East Nimar");
        assertThat(text.substring(r.start(), r.end())).isEqualTo("East Nimar");
        assertThat(r.confidence()).isEqualTo(Confidence.HIGH);
    }

    @Test
    void matchesWholeWordsOnlyNeverInsideLongerWords() {
        assertThat(code("Dharmendra ne complaint ki hai")).isEmpty();
        assertThat(code("Sagarika called about pension")).isEmpty();
        assertThat(code("Bhopalwala dhaba band hai")).isEmpty();
        assertThat(code("Dewasi samaj ki shikayat")).isEmpty();
        assertThat(code("धारा 144 लागू है")).isEmpty();
    }

    @Test
    void prefersTheLongestName() {
        // "West Champaran" must not be read as something shorter inside it
        assertThat(code("West Champaran mein baadh")).contains("211");
        assertThat(code("Bihar Sharif me dawai nahi")).contains("209");
        assertThat(RECOGNIZER.recognize("Khandwa (East Nimar) me gas nahi").orElseThrow().matchedText())
                .isEqualTo("Khandwa (East Nimar)");
    }

    @Test
    void oldNamesAndHeadquartersTownsAreRecognised() {
        assertThat(code("Hoshangabad mein dawa ki kami")).contains("409");
        assertThat(code("Motihari se 20 log aaye")).contains("213");
        assertThat(code("Chhapra station par majdoor fanse")).contains("218");
        assertThat(code("Purnea me ration")).contains("214");
    }

    @Test
    void ignoresZeroWidthCharactersCaseAndUnicodeForms() {
        assertThat(code("भो\u200Bपाल में राशन नहीं")).contains("396");
        assertThat(code("\uFEFFbho\u200Dpal MEIN ration")).contains("396");
        assertThat(code("BHOPAL")).contains("396");
        // decomposed nukta (NFD) and precomposed forms meet: ड़ = ड + ़
        assertThat(code("छिंदवाड\u093C\u093E में")).contains("399");
        assertThat(code("छिंदवाडा में")).contains("399");
        Recognition r = RECOGNIZER.recognize("राशन भो\u200Bपाल में").orElseThrow();
        assertThat(r.matchedText()).isEqualTo("भो\u200Bपाल");
    }

    @Test
    void hinglishSpellingVariantsMeet() {
        assertThat(code("Bhopaal me pani nahi")).contains("396");
        assertThat(code("muzzaffarpur me pani nahi")).contains("208");
    }

    @Test
    void anAmbiguousNameNeedsAStateHint() {
        assertThat(code("Aurangabad mein ration nahi")).isEmpty();
        assertThat(RECOGNIZER.recognize("Aurangabad mein ration nahi", List.of("10")))
                .map(r -> r.district().code()).contains("189");
        assertThat(RECOGNIZER.recognize("Aurangabad mein ration nahi", List.of("27")))
                .map(r -> r.district().code()).contains("469");
        assertThat(RECOGNIZER.recognize("Aurangabad mein ration nahi", List.of("10")).orElseThrow().confidence())
                .isEqualTo(Confidence.MEDIUM);
    }

    @Test
    void aStateNamedInTheTextResolvesAnAmbiguousName() {
        assertThat(code("Aurangabad, Bihar mein ration nahi")).contains("189");
        assertThat(code("औरंगाबाद बिहार में राशन नहीं")).contains("189");
        assertThat(code("Aurangabad Maharashtra me kaam karta hoon")).contains("469");
    }

    @Test
    void mentionsListEveryCandidateOfAnAmbiguousName() {
        List<Mention> mentions = RECOGNIZER.mentions("Aurangabad se Bhopal aaye");
        assertThat(mentions).hasSize(2);
        assertThat(mentions.get(0).candidates()).extracting(District::code).containsExactlyInAnyOrder("189", "469");
        assertThat(mentions.get(1).candidates()).extracting(District::code).containsExactly("396");
    }

    @Test
    void namesThatAreCommonWordsNeedACue() {
        assertThat(code("ration khatam ho gaya")).isEmpty();
        assertThat(code("वह कल चला गया")).isEmpty();
        assertThat(code("seedhi baat, sidhi baat")).isEmpty();
        assertThat(code("sabzi mandi band hai")).isEmpty();
        assertThat(code("Sagar called about his pension")).isEmpty();

        Recognition gaya = RECOGNIZER.recognize("Gaya mein ration nahi mil raha").orElseThrow();
        assertThat(gaya.district().code()).isEqualTo("196");
        assertThat(gaya.confidence()).isEqualTo(Confidence.LOW);
        assertThat(code("गया जिले में पानी नहीं")).contains("196");
        assertThat(code("no water in Sagar since morning")).contains("425");
        assertThat(code("सीधी में राशन नहीं")).contains("433");
        assertThat(code("Gaya, Bihar")).contains("196");
        assertThat(code("Gaya")).contains("196");
        assertThat(code("Gayaji me dawa nahi")).contains("196");
    }

    @Test
    void aStrongNameBeatsAWeakOne() {
        assertThat(code("Patna se Gaya")).contains("212");
        assertThat(code("main Bhopal se gaya tha")).contains("396");
    }

    @Test
    void preferredStatesDecideBetweenSeveralDistrictsNamed() {
        Recognition r = RECOGNIZER.recognize("Patna se Bhopal aaya", List.of("23")).orElseThrow();
        assertThat(r.district().code()).isEqualTo("396");
        Recognition first = RECOGNIZER.recognize("Patna se Bhopal aaya").orElseThrow();
        assertThat(first.district().code()).isEqualTo("212");
        assertThat(first.confidence()).isEqualTo(Confidence.MEDIUM);
    }

    @Test
    void aStateAloneIsNoDistrict() {
        assertThat(code("Madhya Pradesh mein ration ki kami")).isEmpty();
        assertThat(code("दिल्ली में फंसे मजदूर")).isEmpty();
        assertThat(code("")).isEmpty();
        assertThat(RECOGNIZER.recognize(null)).isEmpty();
    }

    @Test
    void districtsAddedByConfigurationAreRecognised() {
        DistrictDirectory extended = DistrictDirectory.load().withExtra(List.of(
                new District("9001", "23", "Maihar", "मैहर", "", "", List.of())));
        DistrictRecognizer recognizer = new DistrictRecognizer(extended, StateDirectory.load());
        assertThat(recognizer.recognize("मैहर में पानी नहीं")).map(r -> r.district().code()).contains("9001");
        assertThat(RECOGNIZER.recognize("मैहर में पानी नहीं")).map(r -> r.district().code()).contains("426");
    }

    /** A long romanised message is read whole; its cost is a benchmark's business, not a timed test's. */
    @Test
    void recognisesTheDistrictInA300CharacterRomanisedMessage() {
        String message = ("Sir hamare gaon me teen din se pani nahi aa raha hai, ration ki dukaan bhi band hai, "
                + "log bahut pareshan hain, kripya madad karein. Gas cylinder bhi nahi mil raha. Bachon ko dudh "
                + "nahi mil raha. Sabzi mandi band hai. Koi sunwai nahi ho rahi. Hum log Narsinghpur ke paas "
                + "rehte hain, jaldi kuch kijiye.");
        assertThat(message.length()).isBetween(280, 340);
        assertThat(code(message)).contains("418");
    }
}
