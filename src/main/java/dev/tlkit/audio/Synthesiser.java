package dev.tlkit.audio;

import java.nio.file.Path;
import java.util.List;

/**
 * The speech synthesisers the kit reads words with: two different programs from Debian, so that one can play
 * the speakers a model was trained on and the other a speaker it never heard.
 */
public enum Synthesiser {
    /** eSpeak NG: formant synthesis, many languages and accents, voice variants ({@code +f2}, {@code +m3}). */
    ESPEAK("espeak-ng", "espeak-ng"),
    /** Festival-lite: diphone and clustergen voices recorded from real speakers (kal16, awb, rms, slt). */
    FLITE("flite", "flite");

    private final String program;
    private final String debianPackage;

    Synthesiser(String program, String debianPackage) {
        this.program = program;
        this.debianPackage = debianPackage;
    }

    public String program() {
        return program;
    }

    public String debianPackage() {
        return debianPackage;
    }

    /** The command that writes {@code word} spoken by {@code voice} to the WAV file {@code out}. */
    List<String> command(Voice voice, String word, Path out) {
        return switch (this) {
            case ESPEAK -> List.of(program, "-v", voice.name(), "-p", Integer.toString(voice.pitch()),
                    "-s", Integer.toString(voice.speed()), "-w", out.toString(), word);
            case FLITE -> List.of(program, "-voice", voice.name(),
                    "--setf", "int_f0_target_mean=" + voice.pitch(),
                    "--setf", "duration_stretch=" + String.format(java.util.Locale.ROOT, "%.3f", 175.0 / voice.speed()),
                    "-t", word, "-o", out.toString());
        };
    }

    /** The command that prints the program's version (recorded in a clip set's manifest). */
    List<String> versionCommand() {
        return List.of(program, "--version");
    }
}
