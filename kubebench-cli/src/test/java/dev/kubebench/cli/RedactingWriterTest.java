package dev.kubebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.kubebench.core.secret.Redactor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class RedactingWriterTest {

    @Test
    void aSecretWrittenInPiecesIsMaskedWhole() {
        StringWriter target = new StringWriter();
        PrintWriter out = RedactingWriter.wrap(new PrintWriter(target), Redactor.of(List.of("hf_secret")));
        out.print("token hf_");
        out.print("secret");
        out.println(" end");
        out.print("\r\033[2K status hf_secret");
        out.flush();
        assertEquals("token *** end" + System.lineSeparator() + "\r\033[2K status ***", target.toString());
    }

    @Test
    void nothingToMaskKeepsTheWriterAndProtectWrapsTheOriginalOnce() {
        PrintWriter plain = new PrintWriter(new StringWriter());
        assertSame(plain, RedactingWriter.wrap(plain, Redactor.NONE));

        StringWriter target = new StringWriter();
        CommandLine cl = new CommandLine(CommandLine.Model.CommandSpec.create());
        cl.setOut(new PrintWriter(target));
        RedactingWriter.protect(cl, Redactor.of(List.of("first-secret")));
        RedactingWriter.protect(cl, Redactor.of(List.of("second-secret")));
        cl.getOut().println("first-secret second-secret");
        cl.getOut().flush();
        assertEquals("first-secret ***" + System.lineSeparator(), target.toString(),
                "the second redactor replaced the first rather than wrapping it");
    }
}
