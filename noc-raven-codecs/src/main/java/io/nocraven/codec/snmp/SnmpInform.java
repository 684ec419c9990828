package io.nocraven.codec.snmp;

/**
 * What the appliance needs to answer an InformRequest the decoder accepted (RFC 3416 §4.2.7: a Response with the
 * same request-id and variable-bindings; for v3 the same msgID, user, security level and context, authenticated
 * and encrypted with the same keys). Get it from {@link SnmpTrapDecoder#lastInform()} right after
 * {@code decode}, and send {@link #encodeResponse()} back to the sender's address and port.
 * Immutable; holds copies of the bytes it needs (an inform is rare enough that these small copies do not matter).
 */
public final class SnmpInform
{
    final int version;
    final byte[] community;
    final long requestId;
    final byte[] varbinds;
    final long msgId;
    final int levelFlags;
    final long engineBoots;
    final long engineTime;
    final byte[] contextEngineId;
    final byte[] contextName;
    final UsmLocalizedUser user;

    SnmpInform(final int version, final byte[] community, final long requestId, final byte[] varbinds,
        final long msgId, final int levelFlags, final long engineBoots, final long engineTime,
        final byte[] contextEngineId, final byte[] contextName, final UsmLocalizedUser user)
    {
        this.version = version;
        this.community = community;
        this.requestId = requestId;
        this.varbinds = varbinds;
        this.msgId = msgId;
        this.levelFlags = levelFlags;
        this.engineBoots = engineBoots;
        this.engineTime = engineTime;
        this.contextEngineId = contextEngineId;
        this.contextName = contextName;
        this.user = user;
    }

    /**
     * @return the message version as on the wire: 1 for v2c, 3 for v3.
     */
    public int version()
    {
        return version;
    }

    /**
     * @return the community (v2c), or null for v3.
     */
    public byte[] community()
    {
        return community == null ? null : community.clone();
    }

    /**
     * @return the request-id to echo.
     */
    public long requestId()
    {
        return requestId;
    }

    /**
     * @return the v3 msgID to echo (0 for v2c).
     */
    public long msgId()
    {
        return msgId;
    }

    /**
     * @return the v3 user name (null for v2c).
     */
    public byte[] userName()
    {
        return user == null ? null : user.userName().clone();
    }

    /**
     * @return the v3 authoritative engine ID (the receiver's own, for informs), or null for v2c.
     */
    public byte[] engineId()
    {
        return user == null ? null : user.engineId().clone();
    }

    /**
     * Encodes the Response, for v3 with the engine boots and time the inform carried (the sender's view of this
     * receiver's clock, which it will accept).
     *
     * @return the datagram to send back.
     */
    public byte[] encodeResponse()
    {
        return InformResponseEncoder.encode(this, engineBoots, engineTime);
    }

    /**
     * Encodes the Response with this receiver's own engine boots and time (v3; ignored for v2c).
     *
     * @param localEngineBoots snmpEngineBoots of this receiver.
     * @param localEngineTime  snmpEngineTime of this receiver.
     * @return the datagram to send back.
     */
    public byte[] encodeResponse(final long localEngineBoots, final long localEngineTime)
    {
        return InformResponseEncoder.encode(this, localEngineBoots, localEngineTime);
    }
}
