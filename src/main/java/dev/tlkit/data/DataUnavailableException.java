package dev.tlkit.data;

/** A data file is missing or corrupt; the message names the file, the package and the fix. */
public class DataUnavailableException extends IllegalStateException {
    public DataUnavailableException(String message) {
        super(message);
    }
}
