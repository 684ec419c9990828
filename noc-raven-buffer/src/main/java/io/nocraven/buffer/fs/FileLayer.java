package io.nocraven.buffer.fs;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.List;

/**
 * Every file operation the buffer performs, behind one interface so tests can inject disk-full and I/O faults
 * (the role of Vector's {@code Filesystem} trait in {@code disk_v2}).
 * <p>
 * An {@link IOException} from {@link #preallocate(FileChannel, long)} or {@link #usableSpace(Path)} is treated by
 * the buffer as "disk full": the stream's overflow policy applies; nothing crashes or corrupts.
 */
public interface FileLayer
{
    /**
     * Open a file channel.
     *
     * @param path    file to open.
     * @param options open options as for {@link FileChannel#open(Path, OpenOption...)}.
     * @return the open channel.
     * @throws IOException when the file cannot be opened.
     */
    FileChannel open(Path path, OpenOption... options) throws IOException;

    /**
     * Give a new file {@code length} bytes of real, zero-filled blocks so that a later memory mapping never faults
     * for lack of space (no SIGBUS).
     *
     * @param channel channel of the file, opened for writing.
     * @param length  length in bytes to allocate from offset 0.
     * @throws IOException when the space cannot be allocated (disk full).
     */
    void preallocate(FileChannel channel, long length) throws IOException;

    /**
     * Force a directory's entries to the device, so a file created in it survives a power loss.
     *
     * @param directory the directory.
     * @throws IOException when the directory cannot be opened or forced.
     */
    void syncDirectory(Path directory) throws IOException;

    /**
     * Bytes available to this process on the file system holding {@code directory}.
     *
     * @param directory a directory on the file system.
     * @return usable bytes.
     * @throws IOException when the file system cannot be queried.
     */
    long usableSpace(Path directory) throws IOException;

    /**
     * Rename a file atomically within its file system.
     *
     * @param from existing path.
     * @param to   new path.
     * @throws IOException on failure.
     */
    void move(Path from, Path to) throws IOException;

    /**
     * Delete a file if it exists.
     *
     * @param path file to delete.
     * @throws IOException on failure.
     */
    void delete(Path path) throws IOException;

    /**
     * Size of a file in bytes.
     *
     * @param path file.
     * @return its size.
     * @throws IOException on failure.
     */
    long size(Path path) throws IOException;

    /**
     * Regular files directly inside a directory, sorted by name.
     *
     * @param directory the directory.
     * @return the files, empty when the directory does not exist.
     * @throws IOException on failure.
     */
    List<Path> list(Path directory) throws IOException;

    /**
     * Sub-directories directly inside a directory, sorted by name.
     *
     * @param directory the directory.
     * @return the directories, empty when the directory does not exist.
     * @throws IOException on failure.
     */
    List<Path> listDirectories(Path directory) throws IOException;

    /**
     * Create a directory and its parents when missing.
     *
     * @param directory the directory.
     * @throws IOException on failure.
     */
    void createDirectories(Path directory) throws IOException;

    /**
     * Force a range of a mapped file to the device ({@code msync}); the buffer's only way of forcing segment records
     * and headers, so tests can slow it down or make it fail.
     *
     * @param buffer the mapping.
     * @param offset first byte.
     * @param length bytes.
     * @throws java.io.UncheckedIOException when the device reports an error.
     */
    default void force(MappedByteBuffer buffer, int offset, int length)
    {
        buffer.force(offset, length);
    }
}
