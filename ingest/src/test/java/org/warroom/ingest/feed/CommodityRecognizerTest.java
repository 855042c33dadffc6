package org.warroom.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.warroom.contracts.event.Commodity;

class CommodityRecognizerTest {
    private final CommodityRecognizer recognizer = new CommodityRecognizer();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "राशन की दुकान बंद है|RATION",
            "गांव में पीने का पानी नहीं आ रहा|WATER",
            "बच्चों के लिए दूध चाहिए|MILK",
            "दवाई नहीं मिल रही|MEDICINE",
            "दवाइयों की कमी है|MEDICINE",
            "गैस सिलेंडर खत्म|LPG",
            "no LPG cylinders in the agency|LPG",
            "पेट्रोल पंप पर लंबी लाइन|PETROL",
            "डीज़ल नहीं है|DIESEL",
            "सब्ज़ी बहुत महंगी|VEGETABLES",
            "सब्जियां नहीं आईं|VEGETABLES",
            "fruits are rotting at the mandi|FRUIT",
            "सैनिटरी पैड चाहिए|SANITARY",
            "doodh aur dawai chahiye|MILK",
    })
    void recognisesCommodityWordsInHindiAndEnglish(String text, Commodity expected) {
        assertThat(recognizer.recognise(text)).contains(expected);
    }

    @Test
    void findsSeveralInOneMessageInCommodityOrder() {
        assertThat(recognizer.recognise("No milk, no water and no ration since Monday!"))
                .containsExactly(Commodity.RATION, Commodity.WATER, Commodity.MILK);
    }

    @Test
    void doesNotMatchInsideLongerWords() {
        assertThat(recognizer.recognise("असफल प्रयास, gasoline smell, watermelon")).isEmpty();
        assertThat(recognizer.recognise("")).isEmpty();
    }
}
