package io.nocraven.appliance.config;

/**
 * Warning and critical thresholds of the health checks ({@code health.*}), in percent.
 *
 * @param diskFreeWarning     warn when free space on the data directory falls below this.
 * @param diskFreeCritical    critical below this.
 * @param memoryWarning       warn when heap use exceeds this.
 * @param memoryCritical      critical above this.
 * @param cpuWarning          warn when process CPU exceeds this.
 * @param cpuCritical         critical above this.
 * @param openFilesWarning    warn when open files exceed this share of the limit.
 * @param openFilesCritical   critical above this.
 */
public record HealthThresholds(int diskFreeWarning, int diskFreeCritical, int memoryWarning, int memoryCritical,
    int cpuWarning, int cpuCritical, int openFilesWarning, int openFilesCritical)
{
}
