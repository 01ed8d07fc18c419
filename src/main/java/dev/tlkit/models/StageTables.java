package dev.tlkit.models;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import dev.tlkit.nn.StagedBackbone;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The table a staged network shows itself as: one row per stage, its output shape, parameters, trainable or not. */
final class StageTables {
    private StageTables() {
    }

    /**
     * @param unit  what a row is called ("stage", "block")
     * @param input the shape entering the first stage, batch of one included
     */
    static Table of(String title, String unit, StagedBackbone stages, Shape[] input) {
        Table table = Table.create(title, StringColumn.create(unit), StringColumn.create("output shape"),
                LongColumn.create("parameters"), BooleanColumn.create("trainable"));
        Shape[] shape = input;
        for (int i = 0; i < stages.stageCount(); i++) {
            shape = stages.stage(i).getOutputShapes(shape);
            table.stringColumn(unit).append(stages.stageNames().get(i));
            table.stringColumn("output shape").append(shape[0].slice(1).toString());
            table.longColumn("parameters").append(parameters(stages.stage(i)));
            table.booleanColumn("trainable").append(!stages.isFrozen(i));
        }
        return table;
    }

    /** Learnable parameters of a block (batch-norm running statistics are not counted). */
    private static long parameters(Block block) {
        return block.getParameters().values().stream().filter(StagedBackbone::isLearnable)
                .mapToLong(p -> p.getShape().size()).sum();
    }
}
