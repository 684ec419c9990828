/**
 * NetFlow version 9 (RFC 3954): {@link io.nocraven.codec.netflow.v9.NetFlowV9Decoder}; the shared flow machinery
 * is in {@code io.nocraven.codec.flow}.
 */
package io.nocraven.codec.netflow.v9;
