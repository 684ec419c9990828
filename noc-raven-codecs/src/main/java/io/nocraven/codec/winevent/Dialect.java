package io.nocraven.codec.winevent;

/**
 * The JSON shape a Windows event arrived in, written as {@code dialect} in the record.
 */
public enum Dialect
{
    /** Winlogbeat / Elastic Agent: ECS fields plus a {@code winlog} object ({@code winlog.event_id}, ...). */
    WINLOGBEAT("winlogbeat"),
    /** NXLog {@code im_msvistalog} with {@code to_json()}: flat PascalCase fields, EventData flattened in. */
    NXLOG("nxlog"),
    /** PowerShell {@code Get-WinEvent | ConvertTo-Json}: EventLogRecord properties, positional Properties. */
    POWERSHELL("powershell");

    private final String wireName;

    Dialect(final String wireName)
    {
        this.wireName = wireName;
    }

    /**
     * @return the value written in the {@code dialect} key.
     */
    public String wireName()
    {
        return wireName;
    }
}
