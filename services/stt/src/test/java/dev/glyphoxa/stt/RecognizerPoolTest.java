package dev.glyphoxa.stt;

import dev.glyphoxa.stt.state.NameWord;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecognizerPoolTest {

    static NameWord word(String w, String phones) {
        return NameWord.newBuilder().setWord(w).setPhones(phones).setDisplay(w).build();
    }

    @Test
    void reusesIdleRecognisersAndAddsOnlyMissingWords() {
        FakeEngine engine = new FakeEngine();
        RecognizerPool pool = new RecognizerPool(engine, 2);
        var a = pool.acquire(List.of(word("grimjaw", "G R IH M JH AO")));
        pool.release(a);
        var b = pool.acquire(List.of(word("grimjaw", "G R IH M JH AO"), word("bodil", "B AA D IH L")));
        assertThat(b).isSameAs(a);
        assertThat(engine.made).hasSize(1);
        assertThat(engine.made.getFirst().words).containsExactly("grimjaw", "bodil");
        assertThat(pool.inUse()).isEqualTo(1);
        pool.release(b);
        assertThat(pool.inUse()).isZero();
    }

    @Test
    void neverLendsARecogniserCarryingAnotherCampaignsNames() {
        FakeEngine engine = new FakeEngine();
        RecognizerPool pool = new RecognizerPool(engine, 4);
        var a = pool.acquire(List.of(word("grimjaw", "G R IH M JH AO")));
        pool.release(a);
        var other = pool.acquire(List.of(word("bodil", "B AA D IH L")));
        assertThat(other).isNotSameAs(a);
        var none = pool.acquire(List.of());
        assertThat(none).isNotSameAs(a).isNotSameAs(other);
        assertThat(engine.made).hasSize(3);
        var samePhonesDiffer = pool.acquire(List.of(word("grimjaw", "G R IH M")));
        assertThat(samePhonesDiffer).isNotSameAs(a);
    }

    @Test
    void keepsAtMostMaxIdleAndFreesTheLeastRecentlyUsed() {
        FakeEngine engine = new FakeEngine();
        RecognizerPool pool = new RecognizerPool(engine, 1);
        var a = pool.acquire(List.of());
        var b = pool.acquire(List.of());
        pool.release(a);
        pool.release(b);
        assertThat(pool.idle()).isEqualTo(1);
        assertThat(engine.made.get(0).closed).isTrue();
        assertThat(engine.made.get(1).closed).isFalse();
        pool.warmUp(2);
        assertThat(pool.idle()).isEqualTo(1);
        assertThat(pool.created()).isEqualTo(4);
        pool.close();
        assertThat(engine.made).allMatch(f -> f.closed);
    }
}
