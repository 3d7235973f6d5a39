-- Removes the seeded global algorithm rows (application overrides are user data and stay,
-- though the create_tables down migration drops the table right after).
DELETE FROM rasp_rules
WHERE scope_app_id IS NULL
  AND key IN ('sql_userinput', 'sql_policy', 'sql_regex', 'sql_exception', 'command_userinput',
              'command_reflect', 'command_common', 'command_other', 'readFile_userinput',
              'readFile_userinput_http', 'readFile_userinput_unwanted', 'readFile_outsideWebroot',
              'readFile_unwanted', 'include_userinput', 'include_protocol', 'directory_userinput',
              'directory_reflect', 'directory_unwanted', 'writeFile_NTFS', 'writeFile_script',
              'rename_webshell', 'ssrf_userinput', 'ssrf_aws', 'ssrf_common', 'ssrf_obfuscate',
              'ssrf_protocol', 'xxe_disable_entity', 'xxe_protocol', 'xxe_file', 'fileUpload_webdav',
              'fileUpload_multipart_script', 'fileUpload_multipart_html', 'fileUpload_multipart_exe',
              'ognl_exec', 'deserialization_transformer', 'xss_userinput', 'xss_echo',
              'webshell_eval', 'webshell_command', 'webshell_file_put_contents', 'webshell_callable',
              'webshell_ld_preload');
