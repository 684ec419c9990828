package io.nocraven.examples;

import io.nocraven.examples.decode.DecodeCaptureExample;
import io.nocraven.examples.embed.EmbeddedBufferExample;
import io.nocraven.examples.sink.CustomSinkExample;

import java.util.Arrays;

/**
 * Runs one example by its short name, so that a single {@code exec:exec} configuration (see {@code pom.xml} and
 * {@code examples/README.md}) reaches all of them: {@code decode}, {@code embed} or {@code sink}, then that
 * example's own arguments. Each example also has its own {@code main}.
 */
public final class Examples
{
    private Examples()
    {
    }

    /**
     * @param args the example's name, then its arguments.
     * @throws Exception whatever the example throws.
     */
    public static void main(final String... args) throws Exception
    {
        final String name = args.length == 0 ? "" : args[0];
        final String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (name)
        {
            case "decode":
                DecodeCaptureExample.main(rest);
                break;
            case "embed":
                EmbeddedBufferExample.main(rest);
                break;
            case "sink":
                CustomSinkExample.main(rest);
                break;
            default:
                System.err.println("example: '" + name + "' (expected: decode, embed or sink)");
                System.exit(2);
        }
    }
}
