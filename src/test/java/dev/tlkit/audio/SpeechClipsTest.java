package dev.tlkit.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpeechClipsTest {
    private static final SpeechClips RECIPE = new SpeechClips("test", List.of("yes", "no"),
            List.of(Voices.english().get(1), Voices.flite("slt")), SpeechClips.DEFAULT_SAMPLES);

    @Test
    void synthesisIsDeterministicAndCachedWithAManifest(@TempDir Path cache) throws Exception {
        ClipSet first = RECIPE.load(cache);
        assertEquals(4, first.size());
        assertEquals(List.of("yes", "no"), first.classNames());
        assertArrayEquals(new int[] {0, 1, 0, 1}, first.labels());
        List<Path> folders;
        try (Stream<Path> list = Files.list(cache)) {
            folders = list.toList();
        }
        assertEquals(1, folders.size(), "one folder per recipe, no scratch left behind");
        String manifest = Files.readString(folders.get(0).resolve("manifest.json"));
        assertTrue(manifest.contains("espeak-ng") && manifest.contains("flite") && manifest.contains("sha256"), manifest);
        for (Clip clip : first.clips()) {
            assertEquals(SpeechClips.DEFAULT_SAMPLES, clip.samples().length);
            assertTrue(peak(clip.samples()) > 1000, clip + " is silent");
        }
        ClipSet again = RECIPE.load(cache);
        Path other = Files.createTempDirectory(cache.getParent(), "again");
        ClipSet fresh = RECIPE.load(other);
        for (int i = 0; i < first.size(); i++) {
            assertArrayEquals(first.clip(i).samples(), again.clip(i).samples(), "cache read-back, clip " + i);
            assertArrayEquals(first.clip(i).samples(), fresh.clip(i).samples(), "synthesised again, clip " + i);
        }
    }

    @Test
    void aCorruptCacheIsSynthesisedAgain(@TempDir Path cache) throws Exception {
        ClipSet first = RECIPE.load(cache);
        Path clipsFile;
        try (Stream<Path> list = Files.list(cache)) {
            clipsFile = list.findFirst().orElseThrow().resolve("clips.bin");
        }
        byte[] bytes = Files.readAllBytes(clipsFile);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(clipsFile, bytes);
        ClipSet repaired = RECIPE.load(cache);
        assertArrayEquals(first.clip(2).samples(), repaired.clip(2).samples());
    }

    @Test
    void differentVoicesSoundDifferent(@TempDir Path cache) {
        ClipSet clips = RECIPE.load(cache);
        assertNotEquals(peak(clips.clip(0).samples()), peak(clips.clip(2).samples()));
        assertEquals(List.of("American", "flite slt"), clips.accents());
        assertEquals(2, clips.ofAccents("flite slt").size());
        assertEquals(2, clips.withoutAccents("flite slt").size());
        assertArrayEquals(new int[] {0, 0, 1, 1}, clips.accentLabels());
        assertTrue(clips.play(0).html().contains("<audio controls") && clips.play(0).html().contains("data:audio/wav;base64,"));
        assertArrayEquals(new int[] {0, 2}, clips.firstPerAccent("yes"));
        assertThrows(IllegalArgumentException.class, () -> clips.ofWords("maybe"));
    }

    @Test
    void soundIsCentredAndTrimmedToTheClipLength() {
        short[] sound = new short[100];
        for (int i = 40; i < 60; i++) {
            sound[i] = 1000;
        }
        short[] out = SpeechClips.centred(sound, 40);
        assertEquals(0, out[9]);
        assertEquals(1000, out[10]);
        assertEquals(1000, out[29]);
        assertEquals(0, out[30]);
        short[] longer = SpeechClips.centred(sound, 10);
        assertEquals(10, longer.length);
        assertEquals(1000, longer[0]);
    }

    @Test
    void aMissingProgramNamesItsDebianPackage() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Programs.run(List.of("no-such-synthesiser"), "no-such-package"));
        assertTrue(e.getMessage().contains("sudo apt-get install no-such-package"), e.getMessage());
    }

    @Test
    void voicesAreCheckedAndRenditionsDiffer() {
        assertThrows(IllegalArgumentException.class, () -> Voice.espeak("en gb", "British", 50, 170));
        assertThrows(IllegalArgumentException.class, () -> Voices.foreign("xx"));
        List<Voice> renditions = Voices.renditions(Voices.scottish(), 10);
        assertEquals(10, renditions.stream().distinct().count(), "every rendition has its own pitch and rate");
        assertEquals(28, Voices.english().size());
    }

    private static int peak(short[] samples) {
        int peak = 0;
        for (short s : samples) {
            peak = Math.max(peak, Math.abs(s));
        }
        return peak;
    }
}
