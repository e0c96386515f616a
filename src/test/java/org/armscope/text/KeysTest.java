package org.armscope.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class KeysTest {
    @Test
    void specKeyJoinsScriptsOfDesignations() {
        assertEquals("s300", Keys.specKey("С-300"));
        assertEquals("s300", Keys.specKey("S-300"));
    }

    @Test
    void nameKeyMeetsAcrossCyrillicArabicAndLatin() {
        String key = Keys.nameKey("Сергей Згурец");
        assertEquals("srg zgrc", key);
        assertEquals(key, Keys.nameKey("Sergiy Zgurets"));
        assertEquals(key, Keys.nameKey("سيرجي زغوريتس"));
        assertEquals(key, Keys.nameKey("Сергій Згурець"));
        assertEquals(Keys.nameKey("Олександр Кузьмук"), Keys.nameKey("أولكسندر كوزموك"));
        assertEquals(Keys.nameKey("Oleksandr Kuzmuk"), Keys.nameKey("Олександр Кузьмук"));
        assertEquals(Keys.nameKey("Vladimir Putin"), Keys.nameKey("فلاديمير بوتين"));
        assertEquals(Keys.nameKey("Recep Tayyip Erdoğan").split(" ")[2], Keys.nameKey("رجب طيب أردوغان").split(" ")[2]);
        assertNotEquals(Keys.nameKey("Vladimir Putin"), Keys.nameKey("Vladimir Zelensky"));
    }
}
