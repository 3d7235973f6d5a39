-- endpoint reference data (domain-model.md §8, §17): the device_types and event_types keys.
-- Idempotent: rows that exist (same key) are left as they are.

INSERT INTO device_types (key, name, category, usb_class, default_risk, description) VALUES
    ('laptop',           'Laptop',                     'endpoint',   NULL, 'medium', 'Portable managed computer'),
    ('desktop',          'Desktop',                    'endpoint',   NULL, 'medium', 'Stationary managed computer'),
    ('server',           'Server',                     'endpoint',   NULL, 'high',   'Physical or virtual server'),
    ('mobile',           'Mobile device',              'endpoint',   NULL, 'medium', 'Managed phone or tablet'),
    ('usb_mass_storage', 'USB mass storage',           'peripheral', '08', 'high',   'USB flash drive or external disk (USB class 08)'),
    ('usb_hid',          'USB human interface device', 'peripheral', '03', 'medium', 'Keyboard, mouse or other HID (USB class 03)'),
    ('mtp_phone',        'Phone over MTP/PTP',         'peripheral', '06', 'medium', 'Phone or camera exposing files over MTP/PTP (USB class 06)'),
    ('bluetooth',        'Bluetooth device',           'peripheral', 'e0', 'medium', 'Bluetooth adapter or paired device (USB class e0)'),
    ('printer',          'Printer',                    'peripheral', '07', 'low',    'Local or USB printer (USB class 07)'),
    ('optical',          'Optical drive',              'peripheral', '08', 'medium', 'CD/DVD/Blu-ray drive'),
    ('thunderbolt',      'Thunderbolt device',         'peripheral', NULL, 'high',   'Thunderbolt / USB4 device with DMA access'),
    ('network_adapter',  'Network adapter',            'peripheral', '02', 'medium', 'USB or external network interface (USB class 02)')
ON CONFLICT (key) DO NOTHING;

INSERT INTO event_types (key, name, category, default_severity, description) VALUES
    ('usb_inserted',             'USB device inserted',            'device',  'info',   'A USB device was connected'),
    ('usb_removed',              'USB device removed',             'device',  'info',   'A USB device was disconnected'),
    ('file_copied_to_removable', 'File copied to removable media', 'file',    'medium', 'A file was written to removable storage'),
    ('bluetooth_paired',         'Bluetooth device paired',        'device',  'low',    'A Bluetooth device was paired'),
    ('print_job',                'Print job',                      'file',    'low',    'A document was sent to a printer'),
    ('policy_violation',         'Device policy violation',        'device',  'medium', 'A device control policy blocked or flagged an action'),
    ('agent_tamper',             'Agent tampering',                'process', 'high',   'The endpoint agent was stopped, modified or uninstalled'),
    ('malware_detected',         'Malware detected',               'malware', 'high',   'The endpoint agent detected malware')
ON CONFLICT (key) DO NOTHING;
