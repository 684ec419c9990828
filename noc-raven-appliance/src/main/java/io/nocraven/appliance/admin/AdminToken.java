package io.nocraven.appliance.admin;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The admin token: the configured one, or one generated on first start (32 random bytes, hex), shown once on
 * stdout and stored with mode 0600 as {@code <dataDir>/admin-token}. Compared in constant time; never logged.
 */
public final class AdminToken
{
    /** File name of the stored token in the data directory. */
    public static final String FILE = "admin-token";

    private volatile byte[] token;
    private final Path file;

    private AdminToken(final byte[] token, final Path file)
    {
        this.token = token;
        this.file = file;
    }

    /**
     * @param dataDir    the data directory.
     * @param configured configured token, or empty.
     * @param console    where a newly generated token is shown (once).
     * @return the token.
     * @throws IOException when the token file cannot be read or written.
     */
    public static AdminToken loadOrCreate(final Path dataDir, final String configured, final PrintStream console)
        throws IOException
    {
        final Path file = dataDir.resolve(FILE);
        if (!configured.isEmpty())
        {
            return new AdminToken(configured.getBytes(StandardCharsets.UTF_8), file);
        }
        if (Files.isRegularFile(file))
        {
            return new AdminToken(Files.readString(file, StandardCharsets.UTF_8).trim().getBytes(StandardCharsets.UTF_8),
                file);
        }
        final AdminToken t = new AdminToken(new byte[0], file);
        final String fresh = t.rotate();
        console.println("NoC Raven admin token (shown once; stored in " + file + "): " + fresh);
        console.flush();
        return t;
    }

    /**
     * Generates and stores a new token (mode 0600), replacing the current one.
     *
     * @return the new token (for the caller to show once).
     * @throws IOException when it cannot be stored.
     */
    public String rotate() throws IOException
    {
        final byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        final String fresh = HexFormat.of().formatHex(raw);
        Files.createDirectories(file.toAbsolutePath().getParent());
        final Path tmp = file.resolveSibling(FILE + ".tmp");
        Files.deleteIfExists(tmp);
        try
        {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        catch (final UnsupportedOperationException ex)
        {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, fresh + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        token = fresh.getBytes(StandardCharsets.UTF_8);
        return fresh;
    }

    /**
     * @param presented the token a client sent, or null.
     * @return true when it matches (constant-time comparison).
     */
    public boolean matches(final String presented)
    {
        if (presented == null)
        {
            return false;
        }
        return MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @return where a generated token is stored.
     */
    public Path file()
    {
        return file;
    }

    @Override
    public String toString()
    {
        return "AdminToken[redacted]";
    }
}
