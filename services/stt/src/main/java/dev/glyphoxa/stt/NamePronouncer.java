package dev.glyphoxa.stt;

import java.util.Collection;
import java.util.Map;

/** Produces pronunciations for words the recogniser's dictionary lacks, e.g. fantasy names like "Grimjaw". */
public interface NamePronouncer {

    /**
     * @param words lower-case words made of the letters a-z and apostrophes
     * @return word → ARPAbet phones (upper case, no stress, space separated); words it cannot pronounce are absent
     */
    Map<String, String> pronounce(Collection<String> words);
}
