-- Reverse of the up migration: remove the seeded keys.
DELETE FROM event_types
WHERE key IN ('usb_inserted', 'usb_removed', 'file_copied_to_removable', 'bluetooth_paired',
              'print_job', 'policy_violation', 'agent_tamper', 'malware_detected');
DELETE FROM device_types
WHERE key IN ('laptop', 'desktop', 'server', 'mobile', 'usb_mass_storage', 'usb_hid', 'mtp_phone',
              'bluetooth', 'printer', 'optical', 'thunderbolt', 'network_adapter');
