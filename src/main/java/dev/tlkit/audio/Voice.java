package dev.tlkit.audio;

/**
 * One synthetic speaker: a synthesiser's voice with a pitch and a speaking rate, and the accent it stands for.
 *
 * @param synthesiser the program that speaks
 * @param name        the program's voice, e.g. {@code en-gb-scotland+f2} (eSpeak NG) or {@code slt} (flite)
 * @param accent      what the lessons group voices by, e.g. "Scottish English", "German", "flite"
 * @param pitch       eSpeak's pitch 0-99, or flite's mean F0 in Hz
 * @param speed       words per minute (eSpeak's default is 175; flite's rate is scaled to match)
 */
public record Voice(Synthesiser synthesiser, String name, String accent, int pitch, int speed) {

    public Voice {
        if (name == null || name.isBlank() || name.contains(" ")) {
            throw new IllegalArgumentException("a voice name is one word, e.g. en-gb+f2 or slt, got '" + name + "'");
        }
        if (pitch <= 0 || speed <= 0) {
            throw new IllegalArgumentException("pitch and speed must be positive, got " + pitch + " and " + speed);
        }
    }

    /** An eSpeak NG voice, e.g. {@code espeak("en-gb-scotland+f2", "Scottish English", 50, 160)}. */
    public static Voice espeak(String name, String accent, int pitch, int speed) {
        return new Voice(Synthesiser.ESPEAK, name, accent, pitch, speed);
    }

    /** A flite voice, e.g. {@code flite("slt", 170, 175)}: its accent is "flite". */
    public static Voice flite(String name, int pitchHz, int speed) {
        return new Voice(Synthesiser.FLITE, name, "flite " + name, pitchHz, speed);
    }

    /** The same voice at another pitch and rate: the same speaker saying a word again, a little differently. */
    public Voice at(int newPitch, int newSpeed) {
        return new Voice(synthesiser, name, accent, newPitch, newSpeed);
    }

    /** A short unique name, e.g. {@code espeak:en-gb+f2@50/160}. */
    public String id() {
        return synthesiser.program().replace("-ng", "") + ":" + name + "@" + pitch + "/" + speed;
    }

    @Override
    public String toString() {
        return id() + " (" + accent + ")";
    }
}
