package dev.tlkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EnvironmentTest {

    @Test
    void thePyTorchEngineLoadsOfflineFromTheMavenJar() {
        Environment env = Environment.inspect();
        assertEquals("PyTorch", env.engineName());
        assertEquals("2.7.1", env.engineVersion());
        assertTrue(env.offline(), "the tests run with -Dai.djl.offline=true");
        assertTrue(env.libtorchIsLocal());
        assertEquals("sum([1, 2, 3]) = 6.0", env.tensorCheck());
        assertEquals(10, env.table().rowCount());
    }
}
