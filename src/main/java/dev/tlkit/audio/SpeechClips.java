package dev.tlkit.audio;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.tlkit.data.Checksums;
import dev.tlkit.data.KitPaths;
import dev.tlkit.viz.ProgressBar;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * A recipe for a set of spoken words: every word read by every voice, resampled to 16 kHz and centred in a clip
 * of fixed length. {@link #load()} synthesises the set once and caches it in the kit's data folder
 * ({@code speech/<name>-<hash>/}), with a manifest of the synthesisers' versions and the SHA-256 of the clips;
 * the same recipe on the same programs gives the same samples.
 *
 * @param name    e.g. "english-accents"
 * @param words   what is said, in label order
 * @param voices  who says it
 * @param samples clip length in samples at 16 kHz
 */
public record SpeechClips(String name, List<String> words, List<Voice> voices, int samples) {
    /** The 30 words of Google's Speech Commands data set (Warden 2018), whose keyword task the lesson mirrors. */
    public static final List<String> KEYWORDS = List.of("yes", "no", "up", "down", "left", "right", "on", "off",
            "stop", "go", "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "bed",
            "bird", "cat", "dog", "happy", "house", "marvin", "sheila", "tree", "wow");
    /** 1.5 seconds: room for a slowly spoken word and its surrounding silence. */
    public static final int DEFAULT_SAMPLES = 24_000;
    private static final int THREADS = 4;
    private static final String SOX = "sox";

    public SpeechClips {
        words = List.copyOf(words);
        voices = List.copyOf(voices);
        if (words.isEmpty() || voices.isEmpty()) {
            throw new IllegalArgumentException(name + ": a clip set needs at least one word and one voice");
        }
        if (samples < Clip.RATE / 4) {
            throw new IllegalArgumentException(name + ": clips of " + samples + " samples are too short for a word");
        }
    }

    /** The 30 keywords read by {@code voices}, 1.5 s per clip. */
    public static SpeechClips keywords(String name, List<Voice> voices) {
        return new SpeechClips(name, KEYWORDS, voices, DEFAULT_SAMPLES);
    }

    /**
     * The clips: read from the kit's cache ({@code <data>/speech}, shared on a hub), else from the user's cache,
     * or synthesised (with a progress bar) and cached there.
     */
    public ClipSet load() {
        Map<String, String> programs = programVersions();
        return cached(KitPaths.dataCache().resolve("speech"), programs)
                .orElseGet(() -> load(KitPaths.userCache().resolve("speech"), programs));
    }

    /** The clips, cached under {@code cacheRoot}: a folder per recipe and programs' versions. */
    public ClipSet load(Path cacheRoot) {
        return load(cacheRoot, programVersions());
    }

    private ClipSet load(Path cacheRoot, Map<String, String> programs) {
        return cached(cacheRoot, programs).orElseGet(() -> {
            List<Clip> clips = synthesise();
            write(folder(cacheRoot, programs), clips, programs);
            return new ClipSet(name, clips, words);
        });
    }

    private Path folder(Path cacheRoot, Map<String, String> programs) {
        String key = Checksums.sha256(recipe(programs).getBytes(StandardCharsets.UTF_8)).substring(0, 12);
        return cacheRoot.resolve(name + "-" + key);
    }

    /** The clips cached under {@code cacheRoot}, if they are there and intact. */
    private Optional<ClipSet> cached(Path cacheRoot, Map<String, String> programs) {
        Path folder = folder(cacheRoot, programs);
        Path clipsFile = folder.resolve("clips.bin");
        Path manifestFile = folder.resolve("manifest.json");
        if (Files.isRegularFile(manifestFile) && Files.isRegularFile(clipsFile)
                && readManifest(manifestFile).sha256().equals(Checksums.sha256(clipsFile))) {
            return Optional.of(new ClipSet(name, read(clipsFile), words));
        }
        return Optional.empty();
    }

    /** The manifest written beside the clips. */
    public record CacheManifest(String name, List<String> words, List<String> voices, int samples, int rate,
                                Map<String, String> programs, int clips, String sha256) {
    }

    private Map<String, String> programVersions() {
        Map<String, String> versions = new TreeMap<>();
        for (Voice voice : voices) {
            Synthesiser synthesiser = voice.synthesiser();
            versions.computeIfAbsent(synthesiser.program(),
                    p -> Programs.version(synthesiser.versionCommand(), synthesiser.debianPackage()));
        }
        versions.put(SOX, Programs.version(List.of(SOX, "--version"), SOX));
        return versions;
    }

    private String recipe(Map<String, String> programs) {
        return String.join(",", words) + "|" + String.join(",", voices.stream().map(Voice::id).toList()) + "|"
                + samples + "|" + programs;
    }

    private List<Clip> synthesise() {
        int total = words.size() * voices.size();
        ProgressBar bar = ProgressBar.start("synthesising " + name, total);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("tlkit-speech");
            List<Future<Clip>> futures = new ArrayList<>(total);
            int n = 0;
            for (Voice voice : voices) {
                for (String word : words) {
                    Path wav = scratch.resolve((n++) + ".wav");
                    futures.add(pool.submit(() -> speak(word, voice, wav)));
                }
            }
            List<Clip> clips = new ArrayList<>(total);
            for (Future<Clip> future : futures) {
                clips.add(future.get());
                if (bar.due() || clips.size() == total) {
                    bar.update(clips.size(), clips.size() + " of " + total + " clips");
                }
            }
            bar.finish(total + " clips");
            return clips;
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a scratch folder for speech synthesis", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("speech synthesis was interrupted", e);
        } finally {
            pool.shutdownNow();
            deleteQuietly(scratch);
        }
    }

    private Clip speak(String word, Voice voice, Path wav) {
        Synthesiser synthesiser = voice.synthesiser();
        Programs.run(synthesiser.command(voice, word, wav), synthesiser.debianPackage());
        // -D: no dither, so that the same recipe gives the same samples
        byte[] raw = Programs.run(List.of(SOX, "-V1", "-D", wav.toString(), "-t", "raw", "-r",
                Integer.toString(Clip.RATE), "-e", "signed-integer", "-b", "16", "-c", "1", "-L", "-"), SOX);
        try {
            Files.deleteIfExists(wav);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Clip(word, voice, centred(Wav.fromRaw(raw), samples));
    }

    /** The sound between the first and last sample above 2% of the loudest, centred in {@code length} samples. */
    static short[] centred(short[] sound, int length) {
        int[] span = Clip.voicedSpan(sound);
        int first = span[0];
        int last = span[1];
        int voiced = last - first + 1;
        short[] out = new short[length];
        if (voiced >= length) {
            System.arraycopy(sound, first + (voiced - length) / 2, out, 0, length);
        } else if (voiced > 0) {
            System.arraycopy(sound, first, out, (length - voiced) / 2, voiced);
        }
        return out;
    }

    private void write(Path folder, List<Clip> clips, Map<String, String> programs) {
        Path parent = folder.getParent();
        Path temp = null;
        try {
            Files.createDirectories(parent);
            temp = Files.createTempDirectory(parent, "." + name + "-");
            Path clipsFile = temp.resolve("clips.bin");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(clipsFile)))) {
                out.writeInt(clips.size());
                for (Clip clip : clips) {
                    out.writeInt(words.indexOf(clip.word()));
                    out.writeInt(voices.indexOf(clip.voice()));
                    out.writeInt(clip.samples().length);
                    for (short s : clip.samples()) {
                        out.writeShort(s);
                    }
                }
            }
            CacheManifest manifest = new CacheManifest(name, words, voices.stream().map(Voice::id).toList(), samples,
                    Clip.RATE, programs, clips.size(), Checksums.sha256(clipsFile));
            Files.writeString(temp.resolve("manifest.json"), gson().toJson(manifest));
            deleteQuietly(folder);
            try {
                Files.move(temp, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, folder);
            }
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("could not cache the clips in " + folder
                    + ": is the kit's data folder writable (TLKIT_DATA)?", e);
        }
    }

    private List<Clip> read(Path clipsFile) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(clipsFile)))) {
            int count = in.readInt();
            List<Clip> clips = new ArrayList<>(count);
            for (int c = 0; c < count; c++) {
                String word = words.get(in.readInt());
                Voice voice = voices.get(in.readInt());
                short[] data = new short[in.readInt()];
                for (int i = 0; i < data.length; i++) {
                    data[i] = in.readShort();
                }
                clips.add(new Clip(word, voice, data));
            }
            return clips;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the cached clips " + clipsFile + ": delete "
                    + clipsFile.getParent() + " and run again", e);
        }
    }

    private static CacheManifest readManifest(Path file) {
        try {
            return gson().fromJson(Files.readString(file), CacheManifest.class);
        } catch (IOException | RuntimeException e) {
            return new CacheManifest("", List.of(), List.of(), 0, 0, Map.of(), 0, "");
        }
    }

    private static Gson gson() {
        return new GsonBuilder().setPrettyPrinting().create();
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a scratch folder left behind is harmless
        }
    }
}
