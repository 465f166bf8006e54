/*
 * HeidelTime with a prefilter: a rule runs only on sentences that hold one of the
 * strings every match of the rule contains, and behind a look-ahead on the characters
 * every match starts with.
 *
 * Part of timeline (GPL-3.0-or-later); extends HeidelTime (GPL-3.0), whose output it
 * leaves unchanged. The strings are derived from the rules' patterns on the Python
 * side (timeline/tagging/prefilter.py) and registered with need() and lead().
 */
package timeline.heideltime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.uima.cas.FSIterator;
import org.apache.uima.jcas.JCas;
import org.apache.uima.jcas.tcas.Annotation;

import de.unihd.dbs.uima.annotator.heideltime.HeidelTime;
import de.unihd.dbs.uima.types.heideltime.Sentence;
import de.unihd.dbs.uima.types.heideltime.Token;

public class PrefilteredHeidelTime extends HeidelTime {
    /** Rule pattern -> indices into strings; a rule not here always runs. */
    private final Map<Pattern, int[]> needs = new IdentityHashMap<>();
    private final List<String> strings = new ArrayList<>();
    private final Map<String, Integer> indexOf = new HashMap<>();
    /** Rule pattern -> the same pattern behind its look-ahead. */
    private final Map<Pattern, Pattern> led = new IdentityHashMap<>();
    /** The sentence whose tokens' tags were last asked for, and those tags by begin. */
    private Sentence tagged;
    private final Map<Integer, String> tagAt = new HashMap<>();
    /** The last sentence seen and which strings it holds: findTimexes is called once per
     *  rule type (date, duration, time, set) for the same sentence. */
    private String lastText;
    private boolean[] lastFound;

    /** Let ``rule`` run only on sentences holding one of ``needed`` (any case). */
    public void need(Pattern rule, String[] needed) {
        int[] indices = new int[needed.length];
        for (int i = 0; i < needed.length; i++) {
            String folded = fold(needed[i]);
            Integer index = indexOf.get(folded);
            if (index == null) {
                index = strings.size();
                strings.add(folded);
                indexOf.put(folded, index);
            }
            indices[i] = index;
        }
        needs.put(rule, indices);
        lastText = null;
    }

    /** Let ``rule`` be tried only where ``lookahead`` (implied by the rule) holds: Java
     *  otherwise tries all of a rule's alternatives at every position of a sentence. */
    public void lead(Pattern rule, String lookahead) {
        led.put(rule, Pattern.compile(lookahead + "(?:" + rule.pattern() + ")", rule.flags()));
    }

    @Override
    public void findTimexes(String timexType, HashMap<Pattern, String> rules,
                            HashMap<String, String> offsets,
                            HashMap<String, String> normalizations, Sentence sentence,
                            JCas jcas) {
        boolean[] found = found(sentence.getCoveredText());
        HashMap<Pattern, String> candidates = new HashMap<>();
        for (Map.Entry<Pattern, String> rule : rules.entrySet()) {
            int[] needed = needs.get(rule.getKey());
            if (needed == null || any(found, needed)) {
                // HeidelTime looks up a rule's offsets, normalisation and constraints by
                // its name, the value: the pattern itself may be another
                candidates.put(led.getOrDefault(rule.getKey(), rule.getKey()), rule.getValue());
            }
        }
        super.findTimexes(timexType, candidates, offsets, normalizations, sentence, jcas);
    }

    /** A new document: the tags kept for the last one's sentence do not hold (a CAS may
     *  hand out the same Sentence object again). */
    @Override
    public void process(JCas jcas) {
        tagged = null;
        super.process(jcas);
    }

    /** The tag of the token that begins at ``tokBegin`` ("" if none), as HeidelTime's
     *  own: it collected the sentence's tokens again for every match it checked. */
    @Override
    public String getPosFromMatchResult(int tokBegin, int tokEnd, Sentence s, JCas jcas) {
        if (s != tagged) {
            tagAt.clear();
            FSIterator<Annotation> tokens = jcas.getAnnotationIndex(Token.type).subiterator(s);
            while (tokens.hasNext()) {
                Token token = (Token) tokens.next();
                tagAt.put(token.getBegin(), token.getPos());
            }
            tagged = s;
        }
        return tagAt.containsKey(tokBegin) ? tagAt.get(tokBegin) : "";
    }

    private boolean[] found(String text) {
        if (!text.equals(lastText)) {
            String folded = fold(text);
            boolean[] found = new boolean[strings.size()];
            for (int i = 0; i < found.length; i++) {
                found[i] = folded.contains(strings.get(i));
            }
            lastText = text;
            lastFound = found;
        }
        return lastFound;
    }

    private static boolean any(boolean[] found, int[] needed) {
        for (int index : needed) {
            if (found[index]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Our sentences and tokens into the CAS in one call (one call per token from Python
     * costs more than HeidelTime's rules). Offsets are UTF-16; token ids count from 1.
     */
    public static void addSentencesAndTokens(JCas jcas, int[] sentenceIds, int[] sentenceBegins,
                                             int[] sentenceEnds, int[] tokenBegins,
                                             int[] tokenEnds, int[] tokenSentenceIds,
                                             String[] tokenTags) {
        for (int i = 0; i < sentenceIds.length; i++) {
            Sentence sentence = new Sentence(jcas);
            sentence.setBegin(sentenceBegins[i]);
            sentence.setEnd(sentenceEnds[i]);
            sentence.setSentenceId(sentenceIds[i]);
            sentence.addToIndexes();
        }
        for (int i = 0; i < tokenBegins.length; i++) {
            Token token = new Token(jcas);
            token.setBegin(tokenBegins[i]);
            token.setEnd(tokenEnds[i]);
            token.setTokenId(i + 1);
            token.setSentId(tokenSentenceIds[i]);
            token.setPos(tokenTags[i]);
            token.addToIndexes();
        }
    }

    /** Lower case one char at a time, as the Python side folds: lengths never change. */
    static String fold(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(chars[i]);
        }
        return new String(chars);
    }
}
