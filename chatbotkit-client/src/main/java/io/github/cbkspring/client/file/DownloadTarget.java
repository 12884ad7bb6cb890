/*
 * Copyright 2026 the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.cbkspring.client.file;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.CopyOption;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The local file a download is written to, the way both file clients write it: into a
 * temporary file beside it, moved into place only once the whole body arrived, so that a
 * failed download never leaves a partial file nor touches the file it was to replace. The
 * options are those of {@code Files.copy(InputStream, Path, CopyOption...)}.
 *
 * @author cbkspring contributors
 */
final class DownloadTarget {

	private final Path target;

	private final Path directory;

	private final boolean replace;

	private DownloadTarget(Path target, boolean replace) {
		Path directory = target.toAbsolutePath().getParent();
		if (directory == null) {
			throw new IllegalArgumentException("Target path must be a file, not the root " + target);
		}
		this.target = target;
		this.directory = directory;
		this.replace = replace;
	}

	/**
	 * The target for the given options, checked as {@code Files.copy} checks them.
	 * @throws UnsupportedOperationException if an option is not
	 * {@link StandardCopyOption#REPLACE_EXISTING}
	 * @throws NullPointerException if an option is {@code null}
	 * @throws IllegalArgumentException if the target is {@code null} or a root
	 */
	static DownloadTarget of(Path target, CopyOption... options) {
		Assert.notNull(target, "Target path must not be null");
		Assert.notNull(options, "Copy options must not be null");
		boolean replace = false;
		for (CopyOption option : options) {
			if (option != StandardCopyOption.REPLACE_EXISTING) {
				throw (option == null) ? new NullPointerException("options contains 'null'")
						: new UnsupportedOperationException(option + " not supported");
			}
			replace = true;
		}
		return new DownloadTarget(target, replace);
	}

	/**
	 * Check the target before anything is requested, and create the temporary file the
	 * bytes are written to, in the target's directory so that it can be moved into place
	 * without a copy.
	 * @return the temporary file
	 * @throws NoSuchFileException if the target's directory does not exist
	 * @throws FileAlreadyExistsException if the target exists and is not to be replaced
	 * @throws IOException if the temporary file cannot be created
	 */
	Path createTemporary() throws IOException {
		if (!Files.isDirectory(this.directory)) {
			throw new NoSuchFileException(this.target.toString(), null,
					"The directory " + this.directory + " to download into does not exist");
		}
		if (!this.replace && Files.exists(this.target, LinkOption.NOFOLLOW_LINKS)) {
			throw new FileAlreadyExistsException(this.target.toString(), null,
					"The file exists: download with StandardCopyOption.REPLACE_EXISTING to replace it");
		}
		// a name of its own, with the default permissions that Files.copy would create
		// the target with (a temporary file of Files.createTempFile is private)
		return Files.createFile(this.directory.resolve("." + UUID.randomUUID() + ".download"));
	}

	/**
	 * Move the temporary file, written whole, into place: atomically where the file
	 * system can, so that readers of the target see the old file or the new one. Without
	 * {@code REPLACE_EXISTING} the target is checked again, since it may have been
	 * created while the bytes were downloaded.
	 * @throws FileAlreadyExistsException if the target exists and is not to be replaced
	 * @throws IOException if the temporary file cannot be moved
	 */
	void moveIntoPlace(Path temporary) throws IOException {
		if (!this.replace) {
			// an atomic move replaces an existing target on some file systems
			Files.move(temporary, this.target);
			return;
		}
		try {
			Files.move(temporary, this.target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(temporary, this.target, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	/**
	 * Delete the temporary file of a download that failed or was cancelled, recording a
	 * failure to delete it on the failure that is reported, if any (a cancelled download
	 * reports none).
	 */
	static void delete(Path temporary, @Nullable Throwable failure) {
		try {
			Files.deleteIfExists(temporary);
		}
		catch (IOException ex) {
			if (failure != null) {
				failure.addSuppressed(ex);
			}
		}
	}

}
